/**
 * Where the embedded PostgreSQL keeps a cluster the `postgres` user could not reach in the project
 * (scripts/db/cluster-location.ts): as root, a data folder inside a mode-700 folder becomes a link to a
 * cluster in the runtime folder (here a temp one, through EMBEDDED_PG_RUNTIME_DIR). Each test uses its
 * own data folder and a free port.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, postgresIds, privateFolderLayout, queryOnce as query, runCaptured } from "@/tests/helpers/embedded-postgres";
import { embeddedPaths, embeddedStatus, ensureEmbeddedPostgres, removeEmbeddedCluster, stopEmbeddedPostgres } from "@/scripts/db/embedded";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const asRoot = process.getuid?.() === 0;
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

let tmp: string;
let privateDir: string;
let runtime: string;
const dataDirs: string[] = [];

async function newCluster(name: string, parent = privateDir): Promise<{ dataDir: string; port: number }> {
  const dataDir = path.join(parent, name);
  dataDirs.push(dataDir);
  return { dataDir, port: await freePort() };
}

const clusters = () => readdirSync(path.join(runtime, "clusters"));

// Each test creates and starts one or two clusters: on a loaded machine that takes well over the default 30 s.
describe.skipIf(!asRoot)("embedded PostgreSQL cluster location (runs as root only)", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    ({ tmp, privateDir, runtime } = await privateFolderLayout("onquota-relocation-"));
    process.env.EMBEDDED_PG_RUNTIME_DIR = runtime;
  });

  afterAll(async () => {
    for (const dataDir of dataDirs) await removeEmbeddedCluster({ dataDir }).catch(() => undefined);
    delete process.env.EMBEDDED_PG_RUNTIME_DIR;
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it("puts a new cluster the postgres user cannot reach in the runtime folder, linked from the data folder; status and stop follow the link", async () => {
    const { dataDir, port } = await newCluster("pg");
    const logs: string[] = [];
    const server = await ensureEmbeddedPostgres({ dataDir, port, lease: true, onLog: (m) => logs.push(m) });
    expect(server).toMatchObject({ startedByUs: true, initialised: true, dataDir });

    const target = readlinkSync(dataDir);
    expect(path.dirname(target)).toBe(path.join(runtime, "clusters"));
    expect(path.basename(target)).toMatch(/^pg-[0-9a-f]{16}$/);
    const [row] = await query<{ dir: string }>(server.url, "SELECT current_setting('data_directory') AS dir");
    expect(row!.dir).toBe(target);
    const stat = lstatSync(target);
    expect({ owner: stat.uid, mode: stat.mode & 0o777 }).toEqual({ owner: postgresIds().uid, mode: 0o700 });
    expect(logs.join("\n")).toContain(`the cluster lives in ${target}`);

    const paths = embeddedPaths({ dataDir });
    expect(existsSync(paths.log)).toBe(true);
    expect(readdirSync(paths.leases)).toEqual([String(process.pid)]);
    expect(await embeddedStatus({ dataDir })).toMatchObject({ running: true, port, leases: [process.pid] });
    expect(await stopEmbeddedPostgres({ dataDir })).toBe(true);
    expect(await embeddedStatus({ dataDir })).toMatchObject({ running: false });

    const again = await ensureEmbeddedPostgres({ dataDir, port });
    expect(again).toMatchObject({ startedByUs: true, initialised: false });
    expect(readlinkSync(dataDir)).toBe(target);
    await stopEmbeddedPostgres({ dataDir });
  });

  it("several processes starting a new relocated cluster at once get one cluster, one link and one server", async () => {
    const { dataDir, port } = await newCluster("raced");
    const script = path.join(tmp, "ensure-raced.mts");
    await fs.writeFile(
      script,
      `import { ensureEmbeddedPostgres } from ${JSON.stringify(path.join(ROOT, "scripts", "db", "embedded.ts"))};
       process.stdout.write(JSON.stringify(await ensureEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} })));`,
    );
    const inChild = async () => {
      const run = await runCaptured(TSX, [script], { cwd: ROOT, env: process.env });
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { startedByUs: boolean; url: string };
    };
    const results = await Promise.all([inChild(), inChild(), ensureEmbeddedPostgres({ dataDir, port })]);
    expect(results.filter((r) => r.startedByUs)).toHaveLength(1);
    expect(new Set(results.map((r) => r.url)).size).toBe(1);
    expect(clusters().filter((name) => name.startsWith("raced-"))).toEqual([path.basename(readlinkSync(dataDir))]);
    expect(await stopEmbeddedPostgres({ dataDir })).toBe(true);
  });

  it("keeps a cluster where it is when the postgres user can reach it", async () => {
    const open = path.join(tmp, "open");
    await fs.mkdir(open, { mode: 0o755 });
    const { dataDir, port } = await newCluster("pg", open);
    await ensureEmbeddedPostgres({ dataDir, port });
    expect(lstatSync(dataDir).isDirectory()).toBe(true);
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    await stopEmbeddedPostgres({ dataDir });
  });

  it("deleting the data folder (the documented reset) gives a new, empty cluster in place of the old one", async () => {
    const { dataDir, port } = await newCluster("reset");
    const first = await ensureEmbeddedPostgres({ dataDir, port });
    await query(first.url, "CREATE TABLE old_data (id int)");
    const target = readlinkSync(dataDir);
    await stopEmbeddedPostgres({ dataDir });
    await fs.rm(dataDir, { recursive: true, force: true });

    const second = await ensureEmbeddedPostgres({ dataDir, port });
    expect(second).toMatchObject({ startedByUs: true, initialised: true });
    expect(readlinkSync(dataDir)).toBe(target);
    expect(await query(second.url, "SELECT to_regclass('old_data') AS t")).toEqual([{ t: null }]);
    expect(clusters().filter((name) => name.startsWith("reset-"))).toEqual([path.basename(target)]);
    await stopEmbeddedPostgres({ dataDir });
  });

  it("re-links a deleted data folder to its cluster while that cluster's server still runs", async () => {
    const { dataDir, port } = await newCluster("running");
    const first = await ensureEmbeddedPostgres({ dataDir, port });
    await query(first.url, "CREATE TABLE kept (id int)");
    await fs.rm(dataDir, { recursive: true, force: true });

    const second = await ensureEmbeddedPostgres({ dataDir, port });
    expect(second).toMatchObject({ startedByUs: false, initialised: false });
    expect(await query(second.url, "SELECT to_regclass('kept')::text AS t")).toEqual([{ t: "kept" }]);
    expect(await stopEmbeddedPostgres({ dataDir })).toBe(true);
  });

  it("re-creates a cluster whose folder was cleaned away behind the link", async () => {
    const { dataDir, port } = await newCluster("cleaned");
    await ensureEmbeddedPostgres({ dataDir, port });
    await stopEmbeddedPostgres({ dataDir });
    await fs.rm(realpathSync(dataDir), { recursive: true, force: true });

    expect(await ensureEmbeddedPostgres({ dataDir, port })).toMatchObject({ startedByUs: true, initialised: true });
    await stopEmbeddedPostgres({ dataDir });
  });

  it("removeEmbeddedCluster deletes the link, the cluster behind it and the files next to it", async () => {
    const { dataDir, port } = await newCluster("removed");
    await ensureEmbeddedPostgres({ dataDir, port, lease: true });
    const target = readlinkSync(dataDir);
    await removeEmbeddedCluster({ dataDir });
    const paths = embeddedPaths({ dataDir });
    expect([dataDir, target, paths.log, paths.leases, paths.lock].filter((file) => existsSync(file))).toEqual([]);
  });

  it("says in one sentence what to do when a cluster's folder became unreachable", async () => {
    const parent = path.join(tmp, "closed-later");
    await fs.mkdir(parent, { mode: 0o755 });
    const { dataDir, port } = await newCluster("pg", parent);
    await ensureEmbeddedPostgres({ dataDir, port });
    await stopEmbeddedPostgres({ dataDir });
    await fs.chmod(parent, 0o700);
    try {
      await expect(ensureEmbeddedPostgres({ dataDir, port })).rejects.toThrow(
        /cannot reach .* any more: make its parent folders searchable/,
      );
    } finally {
      await fs.chmod(parent, 0o755);
    }
  });

  it("refuses a runtime folder that is a symlink (another user may have planted it in /var/tmp)", async () => {
    const planted = path.join(tmp, "planted");
    await fs.mkdir(path.join(tmp, "elsewhere"));
    await fs.symlink(path.join(tmp, "elsewhere"), planted);
    process.env.EMBEDDED_PG_RUNTIME_DIR = planted;
    try {
      const { dataDir, port } = await newCluster("planted");
      await expect(ensureEmbeddedPostgres({ dataDir, port })).rejects.toThrow(
        /is not a folder of ours .*: remove it, or set EMBEDDED_PG_RUNTIME_DIR/,
      );
    } finally {
      process.env.EMBEDDED_PG_RUNTIME_DIR = runtime;
    }
  });

  it("as a user other than root, runs PostgreSQL as that user with the cluster in the data folder itself", async (ctx) => {
    // The postgres user plays a developer: a folder of its own, and this checkout's code and binaries.
    const { uid, gid } = postgresIds();
    ctx.skip(spawnSync("test", ["-x", TSX], { uid, gid }).status !== 0, "this checkout lies in a folder the postgres user cannot reach");
    const home = path.join(tmp, "developer");
    await fs.mkdir(home, { mode: 0o700 });
    await fs.chown(home, uid, gid);
    const dataDir = path.join(home, "pg");
    const port = await freePort();
    const script = path.join(home, "ensure.mts");
    const mod = path.join(ROOT, "scripts", "db", "embedded.ts");
    await fs.writeFile(
      script,
      `import { ensureEmbeddedPostgres, stopEmbeddedPostgres } from ${JSON.stringify(mod)};
       const server = await ensureEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
       await stopEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
       process.stdout.write(JSON.stringify(server));`,
    );
    const env = { ...process.env, HOME: home, TMPDIR: home, EMBEDDED_PG_RUNTIME_DIR: path.join(home, "unused") };
    const result = await runCaptured(TSX, [script], { cwd: home, env, uid, gid });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ startedByUs: true, initialised: true, port });
    expect(lstatSync(dataDir).isDirectory()).toBe(true);
    expect(lstatSync(dataDir).uid).toBe(uid);
    expect(existsSync(path.join(home, "unused"))).toBe(false);
  });
});
