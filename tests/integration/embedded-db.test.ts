/**
 * The embedded PostgreSQL (scripts/db/embedded.ts) on its own throwaway cluster: a temp data folder and
 * a random free port, so it never meets a developer's .data/postgres server.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, portOpen, processAlive as alive, queryOnce as query } from "@/tests/helpers/embedded-postgres";
import { embeddedPaths, embeddedStatus, ensureEmbeddedPostgres, releaseLease, stopEmbeddedPostgres } from "@/scripts/db/embedded";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

let tmp: string;
let dataDir: string;
let port: number;

function postmasterPid(): number {
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

/** Pids of processes running in (or with) our data folder: the postmaster and its children. */
function clusterProcesses(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cwd === dataDir || cmd.includes(dataDir)) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** ensureEmbeddedPostgres() in a separate Node process (as `next dev` or the job runner would). */
async function ensureInChild(extra = ""): Promise<{ url: string; startedByUs: boolean }> {
  const script = path.join(tmp, `child-${Math.random().toString(36).slice(2)}.mts`);
  const mod = pathToFileURL(path.join(ROOT, "scripts", "db", "embedded.ts")).href;
  await fs.writeFile(
    script,
    `import { ensureEmbeddedPostgres } from ${JSON.stringify(mod)};
     ${extra}
     const s = await ensureEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
     process.stdout.write(JSON.stringify(s));`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "onquota-embedded-"));
  await fs.chmod(tmp, 0o755); // when root, PostgreSQL runs as the `postgres` user and must reach its folder
  dataDir = path.join(tmp, "pg");
  port = await freePort();
});

afterAll(async () => {
  if (dataDir) await stopEmbeddedPostgres({ dataDir }).catch(() => undefined);
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("initialises and starts a fresh cluster, with the database created", async () => {
    const server = await ensureEmbeddedPostgres({ dataDir, port });
    expect(server).toMatchObject({ startedByUs: true, initialised: true, port });
    expect(server.url).toBe(`postgresql://postgres:postgres@127.0.0.1:${port}/onquota`);
    const [row] = await query<{ v: string; db: string }>(
      server.url,
      "SELECT current_setting('server_version') AS v, current_database() AS db",
    );
    expect(row).toMatchObject({ db: "onquota" });
    expect(row!.v).toMatch(/^18\./);
  });

  it("reuses the running server on a second call", async () => {
    const pid = postmasterPid();
    const again = await ensureEmbeddedPostgres({ dataDir, port });
    expect(again).toMatchObject({ startedByUs: false, initialised: false, port });
    expect(postmasterPid()).toBe(pid);
  });

  it("reuses it from another process", async () => {
    const pid = postmasterPid();
    const fromChild = await ensureInChild();
    expect(fromChild.startedByUs).toBe(false);
    expect(postmasterPid()).toBe(pid);
  });

  it("starts exactly one server when several callers (in-process and child processes) race from cold", async () => {
    await stopEmbeddedPostgres({ dataDir });
    expect(await portOpen(port)).toBe(false);
    const results = await Promise.all([
      ensureEmbeddedPostgres({ dataDir, port }),
      ensureEmbeddedPostgres({ dataDir, port }),
      ensureInChild(),
      ensureInChild(),
    ]);
    expect(results.filter((r) => r.startedByUs)).toHaveLength(1);
    expect(new Set(results.map((r) => r.url)).size).toBe(1);
    const postmasters = clusterProcesses().filter((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(`-D\0${dataDir}`));
    expect(postmasters).toEqual([postmasterPid()]);
  });

  it("delivers LISTEN/NOTIFY between two connections", async () => {
    const { url } = await ensureEmbeddedPostgres({ dataDir, port });
    const listener = new pg.Client({ connectionString: url });
    const notifier = new pg.Client({ connectionString: url });
    await Promise.all([listener.connect(), notifier.connect()]);
    try {
      const received = new Promise<pg.Notification>((resolve) => listener.on("notification", resolve));
      await listener.query("LISTEN onquota_events");
      await notifier.query("SELECT pg_notify('onquota_events', $1)", [JSON.stringify({ hello: "world" })]);
      const note = await received;
      expect(note.channel).toBe("onquota_events");
      expect(JSON.parse(note.payload!)).toEqual({ hello: "world" });
    } finally {
      await Promise.all([listener.end(), notifier.end()]);
    }
  });

  it("recovers from a crash that left a stale postmaster.pid (kill -9)", async () => {
    const { url } = await ensureEmbeddedPostgres({ dataDir, port });
    await query(url, "CREATE TABLE IF NOT EXISTS survives (id int PRIMARY KEY); INSERT INTO survives VALUES (1) ON CONFLICT DO NOTHING");
    const pid = postmasterPid();
    process.kill(pid, "SIGKILL");
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pid)).toBe(false);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(true);

    const again = await ensureEmbeddedPostgres({ dataDir, port });
    expect(again.startedByUs).toBe(true);
    expect(postmasterPid()).not.toBe(pid);
    expect(await query(again.url, "SELECT id FROM survives")).toEqual([{ id: 1 }]);
  });

  it("stops when the last live lease is released, ignoring leases of dead processes", async () => {
    const paths = embeddedPaths({ dataDir });
    const other = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      await ensureEmbeddedPostgres({ dataDir, port, lease: true });
      await ensureEmbeddedPostgres({ dataDir, port, lease: other.pid! });
      // A lease left by a launcher that was killed: its pid is gone.
      await fs.writeFile(path.join(paths.leases, "999999999"), JSON.stringify({ pid: 999999999 }));
      expect((await embeddedStatus({ dataDir })).leases.sort()).toEqual([process.pid, other.pid].sort());

      expect(await releaseLease({ dataDir })).toEqual({ stopped: false, remaining: 1 });
      expect(await portOpen(port)).toBe(true);
    } finally {
      other.kill("SIGKILL");
      await new Promise((r) => other.once("exit", r));
    }
    // The other holder died without releasing: the next release (any pid) finds no live lease and stops.
    expect(await releaseLease({ dataDir, pid: 123456789 })).toEqual({ stopped: true, remaining: 0 });
    expect(await portOpen(port)).toBe(false);
    expect(readdirSync(paths.leases)).toEqual([]);
  });

  it("stops cleanly: port closed, no processes left, pid file removed", async () => {
    await ensureEmbeddedPostgres({ dataDir, port });
    expect(clusterProcesses().length).toBeGreaterThan(1); // postmaster + background workers
    expect(await stopEmbeddedPostgres({ dataDir })).toBe(true);
    expect(await portOpen(port)).toBe(false);
    expect(clusterProcesses()).toEqual([]);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
    expect(readFileSync(embeddedPaths({ dataDir }).log, "utf8")).toMatch(/database system is shut down\s*$/);
    expect(await stopEmbeddedPostgres({ dataDir })).toBe(false); // stopping twice is harmless
  });
});
