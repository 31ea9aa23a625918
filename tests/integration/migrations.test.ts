/**
 * The committed migrations, applied the way deployments apply them (`node scripts/prisma.mjs
 * migrate deploy`, through the Node/WASM replacement schema engine when no native engine is
 * installed), produce the schema of prisma/schema.prisma — partial indexes included — and the
 * drift gate (`npm run db:drift`) agrees, and catches a schema change that has no migration.
 *
 * `migrate dev` creates further migrations (the WASM engine gets the migrations' schema from a
 * cache it only fills for applied migrations; the replacement engine fills it when it misses),
 * on a temporary copy of prisma/schema.prisma and prisma/migrations.
 *
 * Self-contained: fresh databases on the server of TEST_PG_ADMIN_URL
 * (default postgresql://postgres@127.0.0.1:5432/postgres), dropped afterwards.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPgClient } from "@/scripts/db/pg-client";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TIMEOUT = 120_000;

// Short enough that the engine's temporary shadow databases are named `<dbName>_shadow_<hex>`.
const dbName = `oq_migr_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const urlOf = (name: string) => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
};
const dbUrl = urlOf(dbName);
// The `migrate dev` database (fresh, separate from the one migrate deploy filled above).
const devDbName = `${dbName}_dev`;
const devDbUrl = urlOf(devDbName);

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
const prismaDev = (...args: string[]) =>
  run(process.execPath, [path.join(ROOT, "scripts", "prisma.mjs"), ...args], { DATABASE_URL: devDbUrl });
const npmRun = (script: string) => run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "-s", script]);

const withAdmin = <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => withPgClient(ADMIN_URL, fn);

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

function leftoverShadowDatabases(database = dbName): Promise<string[]> {
  return withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY 1", [
      `${database.replace(/_/g, "\\_")}\\_shadow\\_%`,
    ]);
    return rows.map((r) => r.datname);
  });
}

async function queryDev<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: devDbUrl, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Inserts `lines` into `model <name> { ... }`, just before its closing brace. */
function addToModel(schema: string, model: string, lines: string): string {
  const re = new RegExp(`^(model ${model} \\{[\\s\\S]*?)^\\}`, "m");
  expect(re.test(schema), `model ${model} in schema.prisma`).toBe(true);
  return schema.replace(re, (_, body: string) => `${body}${lines}\n}`);
}

/** Index names created / dropped by a migration script. */
function indexStatements(sql: string): { created: string[]; dropped: string[] } {
  return {
    created: [...sql.matchAll(/CREATE (?:UNIQUE )?INDEX "([^"]+)"/g)].map((m) => m[1]!),
    dropped: [...sql.matchAll(/DROP INDEX "(?:[^"]+"\.")?([^"]+)"/g)].map((m) => m[1]!),
  };
}

/** `YYYYMMDDHHMMSS` (UTC), the prefix of migration folder names. */
const migrationStamp = (d: Date) => d.toISOString().replace(/\D/g, "").slice(0, 14);

const report = (label: string, r: RunResult) => process.stderr.write(`[migrations] ${label}: exit ${r.code} in ${r.ms} ms\n`);
const output = (r: RunResult) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

describe("prisma migrations", () => {
  let tmpDir: string | undefined;
  let devDir: string | undefined;

  beforeAll(async () => {
    await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  }, TIMEOUT);

  afterAll(async () => {
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
    if (devDir) rmSync(devDir, { recursive: true, force: true });
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${devDbName}" WITH (FORCE)`));
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
          await query<{ indexname: string; indexdef: string }>("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")
        ).map((r) => [r.indexname, r.indexdef]),
      );
      // PostgreSQL prints predicates normalised: ((is_read = false) AND (is_deleted = false)), casts on enum literals.
      expect(defs.idx_notifications_unread_only).toMatch(/ WHERE .*is_read = false.* AND .*is_deleted = false/);
      expect(defs.idx_notifications_cleanup).toMatch(/ WHERE .*is_read = true.* AND .*is_deleted = false/);
      expect(defs.idx_opportunities_expected_close_date).toMatch(/ WHERE .*is_deleted = false.* AND .*stage <> .*CLOSED_WON.*CLOSED_LOST/);
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

      const drift = await prisma("migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", schemaPath, "--exit-code");
      report("migrate diff with drift", drift);
      expect(drift.code, output(drift)).toBe(2);
      expect(drift.stdout).toContain("drift_probe");
      expect(await leftoverShadowDatabases()).toEqual([]);
    },
    TIMEOUT,
  );
  describe("migrate dev on a copy of prisma/", () => {
    const realMigrations = () => readdirSync(path.join(ROOT, "prisma", "migrations")).sort();
    let realMigrationsBefore: string[] = [];
    let schemaPath = "";
    let migrationsDir = "";
    let configPath = "";
    let schema = "";

    const newMigrationFolders = (before: string[]) =>
      readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !before.includes(d.name))
        .map((d) => d.name);
    const migrationFolders = () =>
      readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    // Never the project's prisma.config.ts: its migrations.path would be the real prisma/migrations.
    const withConfig = (...args: string[]) => [...args, "--config", configPath];
    const appliedMigrations = async () =>
      (
        await queryDev<{ migration_name: string; finished_at: Date | null }>(
          "SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name",
        )
      ).map((r) => `${r.migration_name}${r.finished_at ? "" : " (unfinished)"}`);
    const indexDefs = async () =>
      Object.fromEntries(
        (
          await queryDev<{ indexname: string; indexdef: string }>("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")
        ).map((r) => [r.indexname, r.indexdef]),
      );
    /** Both drift checks: migrations vs schema, and the migrated database vs schema. */
    const expectNoDrift = async (label: string) => {
      const fromMigrations = await prismaDev(
        ...withConfig("migrate", "diff", "--from-migrations", migrationsDir, "--to-schema", schemaPath, "--exit-code"),
      );
      report(`${label}: diff migrations -> schema`, fromMigrations);
      expect(fromMigrations.code, output(fromMigrations)).toBe(0);
      expect(fromMigrations.stdout).toMatch(/No difference detected/);
      const fromDatabase = await prismaDev(
        ...withConfig("migrate", "diff", "--from-config-datasource", "--to-schema", schemaPath, "--exit-code"),
      );
      report(`${label}: diff database -> schema`, fromDatabase);
      expect(fromDatabase.code, output(fromDatabase)).toBe(0);
      expect(fromDatabase.stdout).toMatch(/No difference detected/);
    };

    beforeAll(async () => {
      realMigrationsBefore = realMigrations();
      devDir = mkdtempSync(path.join(os.tmpdir(), "oq-migrate-dev-"));
      schemaPath = path.join(devDir, "schema.prisma");
      migrationsDir = path.join(devDir, "migrations");
      configPath = path.join(devDir, "prisma.config.ts");
      cpSync(path.join(ROOT, "prisma", "schema.prisma"), schemaPath);
      cpSync(path.join(ROOT, "prisma", "migrations"), migrationsDir, { recursive: true });
      // No import: "prisma/config" does not resolve from the temporary directory (defineConfig only
      // returns its argument).
      writeFileSync(
        configPath,
        [
          "export default {",
          `  schema: ${JSON.stringify(schemaPath)},`,
          `  migrations: { path: ${JSON.stringify(migrationsDir)} },`,
          '  datasource: { url: process.env.DATABASE_URL ?? "" },',
          "};",
          "",
        ].join("\n"),
      );
      schema = readFileSync(schemaPath, "utf8");
      await withAdmin((c) => c.query(`CREATE DATABASE "${devDbName}"`));

      // schema.prisma may be ahead of the committed migrations while a migration is being written:
      // bring the copy in sync first, so that the migrations below contain only the test's changes.
      const pending = await prismaDev(
        ...withConfig("migrate", "diff", "--from-migrations", migrationsDir, "--to-schema", schemaPath, "--script", "--exit-code"),
      );
      expect([0, 2], output(pending)).toContain(pending.code);
      if (pending.code === 2) {
        const last = migrationFolders().at(-1) ?? "";
        const name = `${migrationStamp(new Date(Date.now() - 60_000))}_pending_schema_changes`;
        expect(name > last, `${name} sorts after ${last}`).toBe(true);
        mkdirSync(path.join(migrationsDir, name));
        writeFileSync(path.join(migrationsDir, name, "migration.sql"), pending.stdout);
      }
    }, TIMEOUT);

    afterAll(() => {
      // The project's own migrations folder was left alone.
      expect(realMigrations()).toEqual(realMigrationsBefore);
    });

    it(
      "migrate dev --create-only writes a second migration (fresh database, partial index), migrate deploy applies it",
      async () => {
        schema = addToModel(
          addToModel(schema, "Quote", '  internalNote String? @map("internal_note") @db.VarChar(500)\n'),
          "Quote",
          '  @@index([clientId], map: "idx_quotes_client_active", where: raw("is_deleted = false"))\n',
        );
        writeFileSync(schemaPath, schema);
        const before = migrationFolders();

        const create = await prismaDev(...withConfig("migrate", "dev", "--create-only", "--name", "second", "--schema", schemaPath));
        report("migrate dev --create-only --name second", create);
        expect(create.code, output(create)).toBe(0);
        expect(create.stdout).toMatch(/created the following migration without applying it/);
        expect(create.stderr).not.toMatch(/shadow DB must be provided/);

        const created = newMigrationFolders(before);
        expect(created).toHaveLength(1);
        expect(created[0]).toMatch(/^\d{14}_second$/);
        const sql = readFileSync(path.join(migrationsDir, created[0]!, "migration.sql"), "utf8");
        expect(sql).toMatch(/ALTER TABLE "quotes" ADD COLUMN\s+"internal_note" VARCHAR\(500\);/);
        expect(sql).toContain('CREATE INDEX "idx_quotes_client_active" ON "quotes"("client_id") WHERE (is_deleted = false);');
        // The existing partial indexes are seen on the shadow database: nothing is re-created or dropped.
        expect(indexStatements(sql)).toEqual({ created: ["idx_quotes_client_active"], dropped: [] });
        // --create-only: the earlier migrations are applied, the new one is not.
        expect(await appliedMigrations()).toEqual(before);
        expect(await leftoverShadowDatabases(devDbName)).toEqual([]);

        const deploy = await prismaDev(...withConfig("migrate", "deploy"));
        report("migrate deploy (second)", deploy);
        expect(deploy.code, output(deploy)).toBe(0);
        expect(await appliedMigrations()).toEqual([...before, created[0]].sort());
        expect((await indexDefs()).idx_quotes_client_active).toMatch(/\(client_id\) WHERE \(?is_deleted = false\)?/);

        await expectNoDrift("second");
        expect(await leftoverShadowDatabases(devDbName)).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "migrate dev --name creates and applies a third migration",
      async () => {
        schema = addToModel(
          schema,
          "Vehicle",
          '  @@index([assignedTo], map: "idx_vehicles_assigned_active", where: raw("is_deleted = false"))\n',
        );
        writeFileSync(schemaPath, schema);
        const before = migrationFolders();

        const dev = await prismaDev(...withConfig("migrate", "dev", "--name", "third", "--schema", schemaPath));
        report("migrate dev --name third", dev);
        expect(dev.code, output(dev)).toBe(0);
        const created = newMigrationFolders(before);
        expect(created).toHaveLength(1);
        expect(created[0]).toMatch(/^\d{14}_third$/);
        const sql = readFileSync(path.join(migrationsDir, created[0]!, "migration.sql"), "utf8");
        expect(indexStatements(sql)).toEqual({ created: ["idx_vehicles_assigned_active"], dropped: [] });
        expect(await appliedMigrations()).toEqual([...before, created[0]].sort());

        await expectNoDrift("third");
        expect(await leftoverShadowDatabases(devDbName)).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "migrate dev applies a migration made with --create-only (migrations pending when it starts)",
      async () => {
        schema = addToModel(schema, "Client", '  @@index([email], map: "idx_clients_email_active", where: raw("is_deleted = false"))\n');
        writeFileSync(schemaPath, schema);
        const before = migrationFolders();

        const create = await prismaDev(...withConfig("migrate", "dev", "--create-only", "--name", "fourth", "--schema", schemaPath));
        report("migrate dev --create-only --name fourth", create);
        expect(create.code, output(create)).toBe(0);
        const created = newMigrationFolders(before);
        expect(created).toHaveLength(1);

        const dev = await prismaDev(...withConfig("migrate", "dev", "--schema", schemaPath));
        report("migrate dev (applies fourth)", dev);
        expect(dev.code, output(dev)).toBe(0);
        expect(dev.stdout).toMatch(/in sync/i);
        expect(migrationFolders()).toEqual([...before, created[0]].sort());
        expect(await appliedMigrations()).toEqual([...before, created[0]].sort());
        expect(await indexDefs()).toHaveProperty("idx_clients_email_active");

        await expectNoDrift("fourth");
        expect(await leftoverShadowDatabases(devDbName)).toEqual([]);
      },
      TIMEOUT,
    );
  });
});
