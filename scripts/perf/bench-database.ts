/**
 * The benchmark's database: `onquota_bench` on TEST_DATABASE_URL's server when set, otherwise on the embedded
 * PostgreSQL (BENCH_DATABASE_URL names another one), migrated, and holding one large tenant seeded in SQL —
 * reseeded only when its size differs from the one asked for (or with `reseed`).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { ensureEmbeddedPostgres, releaseLease } from "../db/embedded";
import { urlOfDatabase, withPgClient } from "../db/pg-client";
import { hasRealisticHistory, hasStageHistory, seedHistory, seedStageHistory } from "./bench-history";
import { seedActivitiesOnce } from "./bench-activities";
import { hashPassword } from "@/lib/auth";
import { ROOT } from "./paths";

export const BENCH_DATABASE = "onquota_bench";
export const BENCH_TENANT = "OnQuota Bench";
export const BENCH_PASSWORD = "bench-password-1";

export type DataSize = { reps: number; clients: number; opportunities: number; notifications: number };

export const DEFAULT_SIZE: DataSize = { reps: 50, clients: 2_000, opportunities: 100_000, notifications: 1_000_000 };

export type BenchUser = { id: string; email: string; role: "ADMIN" | "SUPERVISOR" | "SALES_REP" };

export type BenchDatabase = {
  url: string;
  tenantId: string;
  admin: BenchUser;
  rep: BenchUser;
  size: DataSize;
  /** Rows as they are now (overdue = open, live, past the expected close date). */
  counts: { users: number; opportunities: number; overdue: number; notifications: number; unread: number };
  release: () => Promise<void>;
};

const log = (message: string) => process.stderr.write(`[bench-db] ${message}\n`);

async function resolveUrl(): Promise<{ url: string; release: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, release: async () => undefined };
  if (process.env.TEST_DATABASE_URL) {
    const server = process.env.TEST_DATABASE_URL;
    await withPgClient(server, async (client) => {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [BENCH_DATABASE]);
      if (!rowCount) await client.query(`CREATE DATABASE ${BENCH_DATABASE}`);
    });
    return { url: urlOfDatabase(server, BENCH_DATABASE), release: async () => undefined };
  }
  const embedded = await ensureEmbeddedPostgres({ database: BENCH_DATABASE, lease: true, onLog: log });
  return { url: embedded.url, release: async () => void (await releaseLease()) };
}

function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", "prisma.mjs"), "migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`migrate deploy failed (exit ${code}):\n${output}`))));
  });
}

/** One deal in ten is priced in euros at this rate (units of USD per euro), the rest in the base currency, USD. */
const EUR_RATE = "1.08500000";

async function currentSize(client: pg.Client): Promise<{ tenantId: string; size: DataSize } | null> {
  const tenant = await client.query<{ id: string }>("SELECT id FROM tenants WHERE name = $1", [BENCH_TENANT]);
  const tenantId = tenant.rows[0]?.id;
  if (!tenantId) return null;
  const { rows } = await client.query<{ reps: number; clients: number; opportunities: number; notifications: number; has_rates: boolean }>(
    `SELECT (SELECT count(*)::int FROM users WHERE tenant_id = $1 AND role = 'SALES_REP') AS reps,
            (SELECT count(*)::int FROM clients WHERE tenant_id = $1) AS clients,
            (SELECT count(*)::int FROM opportunities WHERE tenant_id = $1) AS opportunities,
            (SELECT count(*)::int FROM notifications WHERE tenant_id = $1 AND dedupe_key IS NULL) AS notifications,
            EXISTS (SELECT 1 FROM exchange_rates WHERE tenant_id = $1) AS has_rates`,
    [tenantId],
  );
  const { has_rates: hasRates, ...size } = rows[0]! as DataSize & { has_rates: boolean };
  // A tenant seeded before deals came in several currencies is seeded again.
  return hasRates ? { tenantId, size } : null;
}

const sameSize = (a: DataSize, b: DataSize) =>
  a.reps === b.reps && a.clients === b.clients && a.opportunities === b.opportunities && a.notifications === b.notifications;

/** Seeds the tenant with INSERT … SELECT over generate_series; the data is spread deterministically. */
async function seed(client: pg.Client, size: DataSize): Promise<string> {
  const started = Date.now();
  await client.query("TRUNCATE tenants, rate_limit_buckets, opportunity_stage_totals CASCADE");
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { rows } = await client.query<{ id: string }>("INSERT INTO tenants (name) VALUES ($1) RETURNING id", [BENCH_TENANT]);
  const tenantId = rows[0]!.id;
  await client.query(
    `INSERT INTO users (tenant_id, name, email, password_hash, role)
     VALUES ($1, 'Bench Admin', 'bench-admin@onquota.test', $2, 'ADMIN'),
            ($1, 'Bench Supervisor', 'bench-supervisor@onquota.test', $2, 'SUPERVISOR')`,
    [tenantId, passwordHash],
  );
  await client.query(
    `INSERT INTO users (tenant_id, name, email, password_hash, role)
     SELECT $1, 'Bench Rep ' || lpad(g::text, 3, '0'), 'bench-rep-' || lpad(g::text, 3, '0') || '@onquota.test', $2, 'SALES_REP'
     FROM generate_series(1, $3::int) g`,
    [tenantId, passwordHash, size.reps],
  );
  await client.query(
    `INSERT INTO clients (tenant_id, name, email, company)
     SELECT $1, 'Client ' || lpad(g::text, 5, '0'), 'client-' || g || '@example.test', 'Company ' || (g % 500)
     FROM generate_series(1, $2::int) g`,
    [tenantId, size.clients],
  );
  log(`seeded users and clients (${Date.now() - started} ms)`);

  // Stages (by a hash of the row number, so every rep has deals in every stage): 25% LEAD, 20% QUALIFIED, 20% PROPOSAL, 15% NEGOTIATION, 12% CLOSED_WON, 8% CLOSED_LOST. Open deals'
  // expected close dates run from 300 days ago to 99 days ahead (about 3 in 4 are overdue).
  await client.query(
    `WITH reps AS (SELECT array_agg(id ORDER BY email) AS ids, count(*)::int AS n FROM users WHERE tenant_id = $1 AND role = 'SALES_REP'),
          cl AS (SELECT array_agg(id ORDER BY name) AS ids, count(*)::int AS n FROM clients WHERE tenant_id = $1),
          deals AS (
            SELECT g,
                   CASE WHEN h < 25 THEN 'LEAD' WHEN h < 45 THEN 'QUALIFIED' WHEN h < 65 THEN 'PROPOSAL'
                        WHEN h < 80 THEN 'NEGOTIATION' WHEN h < 92 THEN 'CLOSED_WON' ELSE 'CLOSED_LOST' END AS stage,
                   (1000 + (g::bigint * 104729) % 500000) + (g % 100) / 100.0 AS value,
                   CASE WHEN g % 10 = 3 THEN 'EUR' ELSE 'USD' END AS currency,
                   CASE WHEN g % 10 = 3 THEN $3::numeric ELSE 1 END AS rate
            FROM generate_series(1, $2::int) g, LATERAL (SELECT abs(hashint4(g) % 100) AS h) hashed)
     INSERT INTO opportunities (tenant_id, name, client_id, assigned_to, created_by, estimated_value, currency, base_rate, base_value,
                                probability, expected_close_date, actual_close_date, stage, loss_reason, board_position, created_at, updated_at)
     SELECT $1, 'Deal ' || lpad(g::text, 6, '0'), cl.ids[1 + (g * 7919) % cl.n], reps.ids[1 + g % reps.n], reps.ids[1 + g % reps.n],
            d.value, d.currency, d.rate, round(d.value * d.rate, 2),
            CASE d.stage WHEN 'LEAD' THEN 10 WHEN 'QUALIFIED' THEN 25 WHEN 'PROPOSAL' THEN 50 WHEN 'NEGOTIATION' THEN 75
                         WHEN 'CLOSED_WON' THEN 100 ELSE 0 END,
            CASE WHEN d.stage LIKE 'CLOSED%' THEN current_date - (g % 365) ELSE current_date - 300 + (g * 31) % 400 END,
            CASE WHEN d.stage LIKE 'CLOSED%' THEN current_date - (g % 365) END,
            d.stage::opportunity_stage,
            CASE WHEN d.stage = 'CLOSED_LOST' THEN 'Lost to a competitor' END,
            g::float8,
            now() - make_interval(secs => ($2::int - g) * 300),
            now() - make_interval(secs => ($2::int - g) * 300)
     FROM deals d, reps, cl`,
    [tenantId, size.opportunities, EUR_RATE],
  );
  await client.query("INSERT INTO exchange_rates (tenant_id, currency, rate, effective_from) VALUES ($1, 'EUR', $2, current_date - 400)", [
    tenantId,
    EUR_RATE,
  ]);
  log(`seeded ${size.opportunities} opportunities (${Date.now() - started} ms)`);
  log(`seeded ${await seedHistory(client, tenantId)} change-log rows of a year's history (${Date.now() - started} ms)`);

  // One in five notifications is unread; they spread evenly over every user of the tenant and the last ~6 months.
  // Each is numbered for the notification stream here (g / n + 1 grows with g for each user's rows), as every bulk
  // insert numbers its rows itself: the per-row trigger would bump each user's counter row 100,000 / n times in one
  // transaction, which costs quadratically (see prisma/migrations/20261206220000_notification_stream_ids).
  const batch = 100_000;
  for (let from = 1; from <= size.notifications; from += batch) {
    const to = Math.min(size.notifications, from + batch - 1);
    await client.query(
      `WITH people AS (SELECT array_agg(id ORDER BY email) AS ids, count(*)::int AS n FROM users WHERE tenant_id = $1)
       INSERT INTO notifications (tenant_id, user_id, title, message, type, category, is_read, read_at, created_at, updated_at, seq)
       SELECT $1, people.ids[1 + g % people.n], 'Notification ' || g, 'Benchmark notification number ' || g || '.',
              (ARRAY['INFO', 'WARNING', 'SUCCESS', 'ERROR'])[1 + g % 4]::notification_type,
              (ARRAY['SYSTEM', 'QUOTE', 'OPPORTUNITY', 'MAINTENANCE', 'PAYMENT', 'CLIENT', 'GENERAL'])[1 + g % 7]::notification_category,
              g % 5 <> 0,
              CASE WHEN g % 5 <> 0 THEN now() - make_interval(secs => g * 15 - 60) END,
              now() - make_interval(secs => g * 15),
              now() - make_interval(secs => g * 15),
              g / people.n + 1
       FROM generate_series($2::int, $3::int) g, people`,
      [tenantId, from, to],
    );
    log(`seeded ${to} of ${size.notifications} notifications (${Date.now() - started} ms)`);
  }
  await client.query(
    `INSERT INTO notification_streams (user_id, tenant_id, last_seq)
     SELECT user_id, tenant_id, max(seq) FROM notifications WHERE tenant_id = $1 GROUP BY user_id, tenant_id`,
    [tenantId],
  );
  await client.query("VACUUM ANALYZE");
  log(`seed done, vacuumed and analysed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return tenantId;
}

async function benchUser(client: pg.Client, tenantId: string, role: BenchUser["role"]): Promise<BenchUser> {
  const { rows } = await client.query<BenchUser>(
    "SELECT id, email, role::text AS role FROM users WHERE tenant_id = $1 AND role = $2 ORDER BY email LIMIT 1",
    [tenantId, role],
  );
  return rows[0]!;
}

async function countRows(client: pg.Client, tenantId: string): Promise<BenchDatabase["counts"]> {
  const { rows } = await client.query<BenchDatabase["counts"]>(
    `SELECT (SELECT count(*)::int FROM users WHERE tenant_id = $1) AS users,
            (SELECT count(*)::int FROM opportunities WHERE tenant_id = $1) AS opportunities,
            (SELECT count(*)::int FROM opportunities WHERE tenant_id = $1 AND is_deleted = false
               AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND expected_close_date < current_date) AS overdue,
            (SELECT count(*)::int FROM notifications WHERE tenant_id = $1) AS notifications,
            (SELECT count(*)::int FROM notifications WHERE tenant_id = $1 AND is_read = false AND is_deleted = false) AS unread`,
    [tenantId],
  );
  return rows[0]!;
}

/** Creates (if needed), migrates and seeds (if needed) the benchmark database. */
export async function prepareBenchDatabase(options: { size?: DataSize; reseed?: boolean } = {}): Promise<BenchDatabase> {
  const size = options.size ?? DEFAULT_SIZE;
  const { url, release } = await resolveUrl();
  try {
    await migrate(url);
    return await withPgClient(url, async (client) => {
      const existing = await currentSize(client);
      let tenantId: string;
      if (existing && !options.reseed && sameSize(existing.size, size)) {
        tenantId = existing.tenantId;
        log(`reusing the seeded tenant (${size.reps} reps, ${size.opportunities} opportunities, ${size.notifications} notifications)`);
        if (!(await hasRealisticHistory(client, tenantId))) {
          log(`rewrote the change log: ${await seedHistory(client, tenantId)} rows of a year's history`);
          await client.query("VACUUM ANALYZE");
        } else if (!(await hasStageHistory(client, tenantId))) {
          log(`wrote the stage history: ${await seedStageHistory(client, tenantId)} rows`);
          await client.query("VACUUM ANALYZE");
        }
      } else {
        tenantId = await seed(client, size);
      }
      await seedActivitiesOnce(client, tenantId);
      const [admin, rep, counts] = [
        await benchUser(client, tenantId, "ADMIN"),
        await benchUser(client, tenantId, "SALES_REP"),
        await countRows(client, tenantId),
      ];
      return { url, tenantId, admin, rep, size, counts, release };
    });
  } catch (error) {
    await release();
    throw error;
  }
}

/** Bearer access tokens for the bench users, issued the way POST /auth/token does. */
export async function issueBenchTokens(bench: BenchDatabase): Promise<{ admin: string; rep: string }> {
  process.env.DATABASE_URL = bench.url;
  const { issueAccessToken } = await import("../../lib/auth/tokens");
  const { closeDatabase } = await import("../../lib/db/prisma");
  const [admin, rep] = [
    await issueAccessToken({ tenantId: bench.tenantId, userId: bench.admin.id, role: bench.admin.role }),
    await issueAccessToken({ tenantId: bench.tenantId, userId: bench.rep.id, role: bench.rep.role }),
  ];
  await closeDatabase();
  return { admin: admin.token, rep: rep.token };
}
