/** Runs the PostgreSQL binaries: initdb for a new cluster, the postmaster (detached, in its own session). */
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { notACluster } from "./cluster-location";
import { readPidFile, type PidFile } from "./postmaster";
import { POSTGRES_USER, type PostgresUser } from "./postgres-user";

export const SUPERUSER = "postgres";
export const PASSWORD = "postgres";
export const HOST = "127.0.0.1";

/** A spawn that fails as the `postgres` user (EACCES) says why, in one sentence. */
function spawnError(err: Error, file: string, user: PostgresUser | null): Error {
  if (!user || (err as NodeJS.ErrnoException).code !== "EACCES") return err;
  return new Error(
    `The "${POSTGRES_USER}" user (uid ${user.uid}) that runs PostgreSQL cannot run ${file} (${err.message}): every folder above it must be searchable by others, or set EMBEDDED_PG_RUNTIME_DIR / DATABASE_URL.`,
  );
}

function run(file: string, args: string[], cwd: string, user: PostgresUser | null): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" },
      cwd,
      ...(user ?? {}),
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", (err) => reject(spawnError(err, file, user)));
    child.on("close", (code) => resolve({ code, output }));
  });
}

export async function answers(port: number, database = "postgres", timeoutMs = 2000): Promise<boolean> {
  const client = new pg.Client({ host: HOST, port, user: SUPERUSER, password: PASSWORD, database, connectionTimeoutMillis: timeoutMs });
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

/** initdb into `clusterDir` (missing or empty), owned by `user` when given. */
export async function initialiseCluster(
  clusterDir: string,
  binDir: string,
  user: PostgresUser | null,
  onLog: (m: string) => void,
): Promise<void> {
  if ((await fs.readdir(clusterDir).catch(() => [])).length > 0) throw notACluster(clusterDir);
  onLog(`creating a new PostgreSQL cluster in ${clusterDir}`);
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  if (user) await fs.chown(clusterDir, user.uid, user.gid);
  await fs.chmod(clusterDir, 0o700);
  // Next to the cluster: a folder the user running initdb can reach.
  const parent = path.dirname(clusterDir);
  const pwfile = path.join(parent, `.${path.basename(clusterDir)}.pw-${process.pid}`);
  await fs.writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const { code, output } = await run(
      path.join(binDir, "initdb"),
      [
        `--pgdata=${clusterDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--no-sync",
        "--no-instructions",
      ],
      parent,
      user,
    );
    if (code !== 0) throw new Error(`initdb failed with code ${code}:\n${output}`);
  } finally {
    await fs.rm(pwfile, { force: true });
  }
}

export type PostmasterStartError = Error & { logTail?: string };

/** Starts the postmaster and waits until it answers; its output goes to `logFile`. */
export async function startPostmaster(opts: {
  clusterDir: string;
  binDir: string;
  logFile: string;
  port: number;
  fast: boolean;
  user: PostgresUser | null;
}): Promise<PidFile> {
  const { clusterDir, logFile, port } = opts;
  const settings = [
    "listen_addresses=127.0.0.1",
    "unix_socket_directories=", // TCP only: no socket path length limits, no clash with a system server
    "max_connections=200",
    "shared_buffers=64MB",
    "logging_collector=off",
    ...(opts.fast ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] : []),
  ];
  const size = (await fs.stat(logFile).catch(() => null))?.size ?? 0;
  if (size > 20 * 1024 * 1024) await fs.rename(logFile, `${logFile}.1`);
  const logHandle = await fs.open(logFile, "a");
  const logStart = size > 20 * 1024 * 1024 ? 0 : size;
  const startedAt = Date.now();
  const postgres = path.join(opts.binDir, "postgres");
  let exited: { code: number | null; signal: string | null; error?: Error } | null = null;
  try {
    const child = spawn(postgres, ["-D", clusterDir, "-p", String(port), ...settings.flatMap((s) => ["-c", s])], {
      detached: true, // own session: Ctrl+C in the terminal and the launcher's exit do not reach it
      stdio: ["ignore", logHandle.fd, logHandle.fd],
      env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C", TZ: process.env.TZ ?? "UTC" },
      cwd: clusterDir,
      ...(opts.user ?? {}),
    });
    child.on("exit", (code, signal) => (exited = { code, signal }));
    child.on("error", (error) => (exited = { code: null, signal: null, error }));
    child.unref();
    for (;;) {
      if (exited) {
        const e = exited as { code: number | null; signal: string | null; error?: Error };
        if (e.error) throw spawnError(e.error, postgres, opts.user);
        const log = await fs.readFile(logFile).catch(() => Buffer.alloc(0));
        const tail = log.subarray(logStart).toString("utf8").split("\n").slice(-15).join("\n");
        const err: PostmasterStartError = new Error(
          `PostgreSQL exited during start-up (code ${e.code}, signal ${e.signal}). Log ${logFile}:\n${tail}`,
        );
        err.logTail = tail;
        throw err;
      }
      const pid = await readPidFile(clusterDir);
      if (pid && pid.pid === child.pid && pid.status === "ready" && (await answers(port, "postgres", 1000))) return pid;
      if (Date.now() - startedAt > 60_000) throw new Error(`PostgreSQL did not become ready within 60 s (log: ${logFile})`);
      await sleep(25);
    }
  } finally {
    await logHandle.close();
  }
}
