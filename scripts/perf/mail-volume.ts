/**
 * The "mail at volume" section of `npm run bench` (alone: `npm run bench -- --mail-only`): notifications with an
 * email requested, for temporary recipients added to the bench tenant, delivered by `deliverNotificationEmails`
 * through the real Resend SDK to the local Resend stand-in (scripts/perf/resend-recorder.ts, its own process).
 * Prints emails rendered and handed to the provider per second, provider calls, and this process's heap and RSS
 * before, at peak and after. The rows and recipients are deleted afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDatabase } from "@/lib/db";
import type { BenchDatabase } from "./bench-database";
import { ROOT } from "./paths";

export type MailVolumeOptions = {
  /** Alerts emailed in the main run. */
  alerts: number;
  /** Temporary recipients the alerts are spread over. */
  users: number;
  /** Distinct contents among the alerts (each goes to alerts ÷ contents recipients, as a broadcast or a check's identical alerts). */
  contents: number;
  /** Alerts of the second run, each with a content of its own (every email a React render). */
  distinct: number;
};

const MARK = "mail-bench";
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function startRecorder(): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "perf", "resend-recorder.ts")], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.on("error", reject);
    child.stdout!.once("data", (chunk: Buffer) => resolve({ url: chunk.toString().trim().split("\n")[0]!, child }));
  });
}

async function recorderStats(url: string): Promise<{ requests: number; batchRequests: number; emails: number; bytes: number }> {
  return (await fetch(`${url}/stats`)).json();
}

/**
 * Removes the section's recipients and their notifications. Nothing else refers to them, so the foreign-key checks
 * are left out (replica role): checking every table that refers to users, for 2,000 users, took minutes.
 */
async function cleanUp(client: pg.Client, tenantId: string): Promise<void> {
  const recipients = `SELECT id FROM users WHERE tenant_id = $1 AND email LIKE '${MARK}-%'`;
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(`DELETE FROM notifications WHERE user_id IN (${recipients})`, [tenantId]);
    await client.query(`DELETE FROM users WHERE id IN (${recipients})`, [tenantId]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function addRecipients(client: pg.Client, tenantId: string, users: number): Promise<void> {
  await client.query(
    `INSERT INTO users (tenant_id, name, email, password_hash, role)
     SELECT $1, 'Mail Bench ' || lpad(g::text, 5, '0'), '${MARK}-' || lpad(g::text, 5, '0') || '@onquota.test', 'x', 'SUPERVISOR'
     FROM generate_series(1, $2::int) g`,
    [tenantId, users],
  );
}

/**
 * `count` alerts with an email requested, spread round-robin over the recipients; alert g has content
 * (g ÷ block) mod contents (its title, message and link): with block = recipients, each content is one broadcast. Numbered for the notification stream here, as the bench seed does.
 */
async function addAlerts(
  client: pg.Client,
  tenantId: string,
  run: string,
  count: number,
  contents: number,
  block: number,
): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `WITH people AS (SELECT array_agg(id ORDER BY email) AS ids, count(*)::int AS n FROM users WHERE tenant_id = $1 AND email LIKE '${MARK}-%'),
          start AS (SELECT coalesce(max(seq), 0) AS seq FROM notifications n JOIN users u ON u.id = n.user_id
                    WHERE u.tenant_id = $1 AND u.email LIKE '${MARK}-%')
     INSERT INTO notifications (tenant_id, user_id, title, message, type, category, action_url, action_label, email_requested, dedupe_key, seq)
     SELECT $1, people.ids[1 + g % people.n],
            'Quote Q-' || ((g / $5::int) % $4::int) || ' expires tomorrow',
            'Quote Q-' || ((g / $5::int) % $4::int) || ' for Acme expires tomorrow.' || chr(10) || chr(10) || 'Follow up with the client today.',
            'WARNING', 'QUOTE', '/quotes?number=Q-' || ((g / $5::int) % $4::int), 'View quote', true,
            '${MARK}/' || $2 || '/' || g, start.seq + g / people.n + 1
     FROM generate_series(0, $3::int - 1) g, people, start
     RETURNING id`,
    [tenantId, run, count, contents, block],
  );
  return rows.map((row) => row.id);
}

type Run = {
  seconds: number;
  sent: number;
  failed: number;
  skipped: number;
  calls: number;
  heapMb: number[];
  rssMb: number[];
  /** Heap used at each tenth of the run: flat memory shows as a plateau, a leak as a slope. */
  heapTenthsMb: number[];
};

async function deliverAll(recorderUrl: string, ids: string[]): Promise<Run> {
  const { deliverNotificationEmails } = await import("@/lib/email");
  const before = await recorderStats(recorderUrl);
  global.gc?.();
  const start = process.memoryUsage();
  let peakHeap = start.heapUsed;
  let peakRss = start.rss;
  const heapSamples: number[] = [];
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
    heapSamples.push(now.heapUsed);
  }, 50);
  const started = performance.now();
  const totals = await deliverNotificationEmails(ids);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  global.gc?.();
  const end = process.memoryUsage();
  const after = await recorderStats(recorderUrl);
  return {
    seconds,
    ...totals,
    calls: after.requests - before.requests,
    heapMb: [start.heapUsed, peakHeap, end.heapUsed].map((b) => Number(mb(b))),
    rssMb: [start.rss, peakRss, end.rss].map((b) => Number(mb(b))),
    heapTenthsMb: Array.from({ length: 10 }, (_, i) => Number(mb(heapSamples[Math.floor(((i + 1) * (heapSamples.length - 1)) / 10)] ?? 0))),
  };
}

function describe(label: string, run: Run, alerts: number): string {
  const rate = run.sent / run.seconds;
  return [
    `  ${label}: ${alerts.toLocaleString("en-US")} alerts in ${run.seconds.toFixed(1)} s = ${rate.toFixed(0)} emails/s rendered and handed to the provider`,
    `    ${run.sent} sent, ${run.failed} failed, ${run.skipped} skipped; ${run.calls} provider calls (${(run.sent / Math.max(run.calls, 1)).toFixed(0)} emails each)`,
    `    heap before/peak/after ${run.heapMb.join(" / ")} MB, RSS ${run.rssMb.join(" / ")} MB; heap by tenth of the run: ${run.heapTenthsMb.join(" ")} MB`,
  ].join("\n");
}

export async function benchMailVolume(bench: BenchDatabase, options: MailVolumeOptions, verdicts: string[]): Promise<void> {
  const recorder = await startRecorder();
  const env = { ...process.env };
  Object.assign(process.env, {
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: recorder.url,
    FROM_EMAIL: "alerts@onquota.test",
    APP_URL: "https://crm.onquota.test",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  try {
    await cleanUp(client, bench.tenantId);
    await addRecipients(client, bench.tenantId, options.users);
    const ids = await addAlerts(client, bench.tenantId, "shared", options.alerts, options.contents, options.users);
    const distinctIds = await addAlerts(client, bench.tenantId, "distinct", options.distinct, options.distinct, 1);
    await client.query("ANALYZE notifications");
    console.log(
      `mail at volume (Resend stand-in at ${recorder.url}, its own process; load average ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(" ")}, ${os.cpus().length} cores):`,
    );
    const shared = await deliverAll(recorder.url, ids);
    console.log(describe(`${options.contents} contents to ${options.users.toLocaleString("en-US")} recipients`, shared, options.alerts));
    const distinct = await deliverAll(recorder.url, distinctIds);
    console.log(describe("every alert its own content", distinct, options.distinct));
    const rate = shared.sent / shared.seconds;
    verdicts.push(
      `${rate >= 1000 && shared.failed === 0 ? "met   " : "MISSED"} mail at volume: ${rate.toFixed(0)} emails/s for ${options.alerts.toLocaleString("en-US")} alerts (target ≥ 1,000)`,
    );
  } finally {
    await closeDatabase();
    await cleanUp(client, bench.tenantId);
    await client.end();
    recorder.child.kill("SIGTERM");
    process.env = env;
  }
}
