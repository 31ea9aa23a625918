/**
 * A fresh, migrated database for one test run: on TEST_DATABASE_URL's server when set (its user must be
 * allowed to CREATE DATABASE), otherwise on the embedded PostgreSQL in .data/postgres-test (port 54330;
 * ONQUOTA_TEST_DATA_DIR / EMBEDDED_PG_TEST_PORT override) — never the developer's demo cluster — held with
 * a lease. Used by the vitest integration project, the e2e runner and the drift gate.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureEmbeddedPostgres, releaseLease } from "../scripts/db/embedded";
import { urlOfDatabase, withPgClient } from "../scripts/db/pg-client";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

const log = (msg: string) => process.stderr.write(`[db] ${msg}\n`);

export function migrate(url: string): Promise<void> {
  const wrapper = path.join(ROOT, "scripts", "prisma.mjs");
  if (!existsSync(wrapper)) {
    log("scripts/prisma.mjs not found: test database NOT migrated");
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wrapper, "migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`migrate deploy failed (exit ${code}):\n${output}`))));
  });
}

export type TestDatabase = { url: string; name: string; teardown: () => Promise<void> };

export async function createTestDatabase({ migrated = true }: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const started = Date.now();
  let serverUrl: string;
  let leaseDir: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = process.env.TEST_DATABASE_URL;
  } else {
    leaseDir = path.resolve(ROOT, process.env.ONQUOTA_TEST_DATA_DIR ?? path.join(".data", "postgres-test"));
    const server = await ensureEmbeddedPostgres({
      dataDir: leaseDir,
      port: Number(process.env.EMBEDDED_PG_TEST_PORT || 54330),
      database: "postgres",
      lease: true,
      fast: true, // fsync off: a test cluster holds nothing worth a crash-safe write
      onLog: log,
    });
    serverUrl = server.url;
  }

  const name = `onquota_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await withPgClient(serverUrl, async (c) => {
    // Databases left by runs that crashed before their teardown (old, and nobody connected).
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database d
        WHERE datname ~ '^onquota_test_[0-9]+_'
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    for (const { datname } of rows) {
      if (Date.now() - Number(datname.split("_")[2]) > STALE_AFTER_MS) {
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`).catch(() => undefined);
      }
    }
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
  });
  const url = urlOfDatabase(serverUrl, name);

  const teardown = async () => {
    try {
      await withPgClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    } finally {
      if (leaseDir) await releaseLease({ dataDir: leaseDir });
    }
  };

  try {
    if (migrated) await migrate(url);
  } catch (err) {
    await teardown();
    throw err;
  }
  log(`test database ${name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { url, name, teardown };
}
