/** For tests of the embedded PostgreSQL (scripts/db/): free ports, processes, one-shot queries, private folders. */
import { execFileSync, spawn, type SpawnOptions } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** One connection, one statement, closed. */
export async function queryOnce<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

export type Run = { code: number | null; stdout: string; stderr: string };

/** Runs a program to its end, capturing its output. */
export function runCaptured(file: string, args: string[], options: SpawnOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The `postgres` system user, which runs PostgreSQL when the tests run as root. */
export function postgresIds(): { uid: number; gid: number } {
  return {
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
  };
}

/**
 * A temp folder (mode 755) holding `private/`, mode 700 like a home folder (other users cannot search it),
 * and the path for a runtime folder (EMBEDDED_PG_RUNTIME_DIR) outside it, so nothing lands in /var/tmp.
 */
export async function privateFolderLayout(prefix: string): Promise<{ tmp: string; privateDir: string; runtime: string }> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(tmp, 0o755);
  const privateDir = path.join(tmp, "private");
  await fs.mkdir(privateDir);
  await fs.chmod(privateDir, 0o700);
  return { tmp, privateDir, runtime: path.join(tmp, "runtime") };
}
