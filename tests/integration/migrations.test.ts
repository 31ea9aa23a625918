/**
 * The committed migrations, applied the way deployments apply them (`node scripts/prisma.mjs
 * migrate deploy`, through the Node/WASM replacement schema engine when no native engine is
 * installed), produce the schema of prisma/schema.prisma — partial indexes included — and the
 * drift gate (`npm run db:drift`) agrees, and catches a schema change that has no migration.
 *
 * Self-contained: a fresh database on the server of TEST_PG_ADMIN_URL
 * (default postgresql://postgres@127.0.0.1:5432/postgres), dropped afterwards.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TIMEOUT = 120_000;

// Short enough that the engine's temporary shadow databases are named `<dbName>_shadow_<hex>`.
const dbName = `oq_migr_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: dbUrl, CI: "1", ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

const prisma = (...args: string[]) => run(process.execPath, [path.join(ROOT, "scripts", "prisma.mjs"), ...args]);
const npmRun = (script: string) => run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "-s", script]);

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Table names of prisma/schema.prisma: each model's @@map, or its name. */
function schemaTables(schema: string): string[] {
  const tables: string[] = [];
  for (const [, model = "", body = ""] of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const mapped = /@@map\("([^"]+)"\)/.exec(body)?.[1];
    tables.push(mapped ?? model);
  }
  return tables;
}

function leftoverShadowDatabases(): Promise<string[]> {
  return withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY 1",
      [`${dbName.replace(/_/g, "\\_")}\\_shadow\\_%`],
    );
    return rows.map((r) => r.datname);
  });
}

const report = (label: string, r: RunResult) => process.stderr.write(`[migrations] ${label}: exit ${r.code} in ${r.ms} ms\n`);
const output = (r: RunResult) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

describe("prisma migrations", () => {
  let tmpDir: string | undefined;

  beforeAll(async () => {
    await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  }, TIMEOUT);

  afterAll(async () => {
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  }, TIMEOUT);

  it(
    "migrate deploy creates every table, enum and partial index on an empty database",
    async () => {
      const deploy = await prisma("migrate", "deploy");
      report("migrate deploy (empty database)", deploy);
      expect(deploy.code, output(deploy)).toBe(0);
      expect(deploy.stdout).toMatch(/applied/i);

      const applied = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations",
      );
      expect(applied.length).toBeGreaterThan(0);
      for (const m of applied) {
        expect(m.finished_at, m.migration_name).not.toBeNull();
        expect(m.rolled_back_at, m.migration_name).toBeNull();
      }

      const expectedTables = schemaTables(readFileSync(path.join(ROOT, "prisma", "schema.prisma"), "utf8"));
      expect(expectedTables).toEqual(
        expect.arrayContaining([
          "tenants",
          "users",
          "api_credentials",
          "clients",
          "quotes",
          "vehicles",
          "opportunities",
          "opportunity_stage_history",
          "notifications",
        ]),
      );
      const tables = (
        await query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        )
      ).map((r) => r.table_name);
      for (const table of expectedTables) expect(tables, `table ${table}`).toContain(table);

      const enums = (
        await query<{ typname: string }>(
          "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND n.nspname = 'public'",
        )
      ).map((r) => r.typname);
      for (const e of [
        "user_role",
        "opportunity_stage",
        "notification_type",
        "notification_category",
        "quote_status",
        "api_credential_kind",
      ]) {
        expect(enums, `enum ${e}`).toContain(e);
      }

      const defs = Object.fromEntries(
        (
          await query<{ indexname: string; indexdef: string }>(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
          )
        ).map((r) => [r.indexname, r.indexdef]),
      );
      // PostgreSQL prints predicates normalised: ((is_read = false) AND (is_deleted = false)), casts on enum literals.
      expect(defs.idx_notifications_unread_only).toMatch(/ WHERE .*is_read = false.* AND .*is_deleted = false/);
      expect(defs.idx_notifications_cleanup).toMatch(/ WHERE .*is_read = true.* AND .*is_deleted = false/);
      expect(defs.idx_opportunities_expected_close_date).toMatch(
        / WHERE .*is_deleted = false.* AND .*stage <> .*CLOSED_WON.*CLOSED_LOST/,
      );
      expect(defs.idx_notifications_unread_only).toContain("(user_id)");
      expect(defs.idx_notifications_cleanup).toContain("(created_at)");
      expect(defs.idx_opportunities_expected_close_date).toContain("(expected_close_date)");
    },
    TIMEOUT,
  );

  it(
    "migrate status reports the database up to date",
    async () => {
      const status = await prisma("migrate", "status");
      report("migrate status", status);
      expect(status.code, output(status)).toBe(0);
      expect(status.stdout).toMatch(/Database schema is up to date/);
    },
    TIMEOUT,
  );

  it(
    "the drift gate (npm run db:drift) passes: the migrations produce exactly the Prisma schema",
    async () => {
      const drift = await npmRun("db:drift");
      report("db:drift", drift);
      expect(drift.code, output(drift)).toBe(0);
      expect(drift.stdout).toMatch(/No difference detected/);
      expect(await leftoverShadowDatabases()).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "the drift gate exits 2 for a schema change that has no migration",
    async () => {
      tmpDir = mkdtempSync(path.join(os.tmpdir(), "oq-drift-"));
      const schema = readFileSync(path.join(ROOT, "prisma", "schema.prisma"), "utf8");
      const drifted = schema.replace(/^model Tenant \{\n/m, 'model Tenant {\n  driftProbe String? @map("drift_probe")\n');
      expect(drifted).not.toBe(schema);
      const schemaPath = path.join(tmpDir, "schema.prisma");
      writeFileSync(schemaPath, drifted);

      const drift = await prisma(
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        schemaPath,
        "--exit-code",
      );
      report("migrate diff with drift", drift);
      expect(drift.code, output(drift)).toBe(2);
      expect(drift.stdout).toContain("drift_probe");
      expect(await leftoverShadowDatabases()).toEqual([]);
    },
    TIMEOUT,
  );
});
