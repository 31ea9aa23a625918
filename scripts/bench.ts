/**
 * `npm run bench [-- options]`: the performance benchmark of issue #10. Seeds one large tenant (once), starts
 * `next start` on it, drives the key routes with concurrent load and prints p50/p95/p99 and throughput per route,
 * the same statements run straight through `pg` and the ratio API ÷ SQL, the indexes their plans use, the server's
 * peak memory, and the time and memory of the overdue-opportunities check over the whole data set.
 * Figures are printed, never asserted; see docs/performance.md for what they were and why.
 */
import os from "node:os";
import pg from "pg";
import { type Scope } from "@/lib/scope";
import { scopeFromBearer } from "@/lib/auth";
import { closeDatabase } from "@/lib/db";
import { unreadCount } from "@/lib/notifications";
import { boardQuery, getOpportunities, getOpportunitiesByStage, getPipelineSummary, listOpportunitiesQuery } from "@/lib/opportunities";
import { Flags } from "./perf/args";
import { DEFAULT_SIZE, issueBenchTokens, prepareBenchDatabase, type BenchDatabase } from "./perf/bench-database";
import { failuresOf, loadRoute } from "./perf/http-load";
import { timeJob } from "./perf/job-timing";
import { startNextServer } from "./perf/next-server";
import { checkPlan, type PlanCheck } from "./perf/plans";
import { record } from "./perf/recorded-statements";
import { loadSql, type Statement } from "./perf/sql-load";
import { LATENCY_HEADER, latencyCells, ms, table } from "./perf/stats";

const flags = new Flags(process.argv.slice(2), {
  seconds: "seconds of load per route (default 10)",
  warmup: "seconds of unmeasured load per route first (default 2)",
  connections: "concurrent connections per route, API and raw SQL alike (default 8)",
  port: "port of next start (default 3900)",
  "pool-size": "DATABASE_POOL_SIZE of the server and size of the raw-SQL pool (default 10)",
  reps: `sales reps in the tenant (default ${DEFAULT_SIZE.reps})`,
  opportunities: `opportunities (default ${DEFAULT_SIZE.opportunities})`,
  notifications: `notifications (default ${DEFAULT_SIZE.notifications})`,
  reseed: "seed again even if the tenant already has this size",
  "skip-job": "do not time the overdue-opportunities check",
  "job-only": "only time the overdue-opportunities check",
  help: "this text",
});
if (flags.has("help")) {
  console.log(flags.usage("npm run bench --"));
  process.exit(0);
}

const seconds = flags.number("seconds", 10);
const warmup = flags.number("warmup", 2);
const connections = flags.number("connections", 8);
const port = flags.number("port", 3900);
const poolSize = flags.number("pool-size", Number(process.env.DATABASE_POOL_SIZE ?? 10));

type Target = { p95Ms: number; maxRatio?: number };

type BenchRoute = {
  name: string;
  path: string;
  /** Whose token is sent; null: none (the framework's floor: routing, auth check, a problem+json 401). */
  as: "admin" | "rep" | null;
  /** What the route handler calls after the bearer check (its statements are recorded as the raw-SQL baseline). */
  runs: (scope: Scope) => Promise<unknown>;
  /** Indexes of which at least one must appear in the plan of one of the route's statements. */
  indexes?: string[];
  target?: Target;
};

const listQuery = (query: Record<string, string>) => listOpportunitiesQuery.parse(query);
const board = boardQuery.parse({});

const ROUTES: BenchRoute[] = [
  {
    name: "floor: 401 without token",
    path: "/api/v1/me",
    as: null,
    runs: async () => undefined,
  },
  {
    name: "unread count",
    path: "/api/v1/notifications/unread-count",
    as: "admin",
    runs: (scope) => unreadCount(scope),
    indexes: ["idx_notifications_unread_only"],
    target: { p95Ms: 10, maxRatio: 3 },
  },
  {
    name: "list, page 1 (admin)",
    path: "/api/v1/opportunities",
    as: "admin",
    runs: (scope) => getOpportunities(scope, listQuery({})),
    indexes: ["idx_opportunities_tenant_created"],
    target: { p95Ms: 40, maxRatio: 3 },
  },
  {
    name: "list, stage filter (admin)",
    path: "/api/v1/opportunities?stage=NEGOTIATION&sort=-estimated_value",
    as: "admin",
    runs: (scope) => getOpportunities(scope, listQuery({ stage: "NEGOTIATION", sort: "-estimated_value" })),
    indexes: ["idx_opportunities_tenant_stage_value"],
    target: { p95Ms: 40, maxRatio: 3 },
  },
  {
    name: "list, page 1 (rep)",
    path: "/api/v1/opportunities",
    as: "rep",
    runs: (scope) => getOpportunities(scope, listQuery({})),
    target: { p95Ms: 40, maxRatio: 3 },
  },
  {
    name: "board 6×50 (admin)",
    path: "/api/v1/opportunities/pipeline/board",
    as: "admin",
    runs: (scope) => getOpportunitiesByStage(scope, board),
    indexes: ["idx_opportunities_board_order"],
    target: { p95Ms: 80 },
  },
  {
    name: "board 6×50 (rep)",
    path: "/api/v1/opportunities/pipeline/board",
    as: "rep",
    runs: (scope) => getOpportunitiesByStage(scope, board),
    indexes: ["idx_opportunities_assignee_board_order"],
    target: { p95Ms: 80 },
  },
  {
    name: "summary (admin)",
    path: "/api/v1/opportunities/pipeline/summary",
    as: "admin",
    runs: (scope) => getPipelineSummary(scope),
    target: { p95Ms: 150 },
  },
];

type Recorded = { route: BenchRoute; steps: Statement[][] };

/** Each route's statements as its code sends them: the bearer check of its caller's token, then the module call. */
async function recordRoutes(tokens: Record<"admin" | "rep", string>): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  for (const route of ROUTES) {
    if (!route.as) {
      recorded.push({ route, steps: [[{ text: "SELECT 1", values: [] }]] });
      continue;
    }
    const token = tokens[route.as];
    const authentication = await record(() => scopeFromBearer(token));
    const scope = (await scopeFromBearer(token))!;
    recorded.push({ route, steps: [...authentication, ...(await record(() => route.runs(scope)))] });
  }
  await closeDatabase();
  return recorded;
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return `PostgreSQL ${rows[0]!.server_version}`;
  } finally {
    await client.end();
  }
}

/** EXPLAIN ANALYZE of every statement of the routes that name the indexes they are for. */
async function runPlanChecks(bench: BenchDatabase, recorded: Recorded[]): Promise<PlanCheck[]> {
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  try {
    const checks: PlanCheck[] = [];
    for (const { route, steps } of recorded) {
      if (!route.indexes) continue;
      const plans = [];
      for (const statement of steps.flat()) plans.push(await checkPlan(client, route.name, statement, route.indexes));
      const indexes = [...new Set(plans.flatMap((plan) => plan.indexes))];
      checks.push({
        label: route.name,
        expected: route.indexes,
        indexes,
        seqScans: [...new Set(plans.flatMap((plan) => plan.seqScans))],
        executionMs: plans.reduce((sum, plan) => sum + plan.executionMs, 0),
        ok: route.indexes.some((name) => indexes.includes(name)),
      });
    }
    return checks;
  } finally {
    await client.end();
  }
}

/** The overdue check twice as of now: the first run notifies every overdue deal, the second finds them all done. */
async function timeOverdueCheck(bench: BenchDatabase) {
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  const clear = async () => {
    await client.query("DELETE FROM notifications WHERE tenant_id = $1 AND dedupe_key LIKE 'overdue-opportunity:%'", [bench.tenantId]);
    await client.query("VACUUM ANALYZE notifications");
  };
  try {
    await clear();
    const args = ["check-overdue-opportunities", "--now", new Date().toISOString()];
    const first = await timeJob(bench.url, args);
    const second = await timeJob(bench.url, args);
    await clear();
    return { first, second };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const size = {
    ...DEFAULT_SIZE,
    reps: flags.number("reps", DEFAULT_SIZE.reps),
    opportunities: flags.number("opportunities", DEFAULT_SIZE.opportunities),
    notifications: flags.number("notifications", DEFAULT_SIZE.notifications),
  };
  const bench = await prepareBenchDatabase({ size, reseed: flags.has("reseed") });
  try {
    const tokens = await issueBenchTokens(bench);
    process.env.DATABASE_URL = bench.url;
    console.log(`machine:  ${machine()}, ${await serverVersion(bench.url)}`);
    console.log(
      `data:     1 tenant, ${bench.counts.users} users (${size.reps} reps), ${bench.counts.opportunities} opportunities (${bench.counts.overdue} overdue), ` +
        `${bench.counts.notifications} notifications (${bench.counts.unread} unread)`,
    );
    console.log(`load:     ${connections} connections per route, ${warmup} s warm-up + ${seconds} s measured; pool ${poolSize}\n`);

    const verdicts: string[] = [];
    if (!flags.has("job-only")) await benchRoutes(bench, tokens, await recordRoutes(tokens), verdicts);
    if (!flags.has("skip-job")) await benchOverdueCheck(bench, verdicts);
    console.log(verdicts.join("\n"));
  } finally {
    await bench.release();
  }
}

async function benchRoutes(bench: BenchDatabase, tokens: Record<"admin" | "rep", string>, recorded: Recorded[], verdicts: string[]) {
  const plans = await runPlanChecks(bench, recorded);
  console.log("index check (EXPLAIN ANALYZE):");
  console.log(
    table([
      ["statement", "ok", "indexes used", "seq scans", "ms"],
      ...plans.map((p) => [
        p.label,
        p.ok ? "yes" : `NO (wanted ${p.expected.join(" or ")})`,
        p.indexes.join(", ") || "-",
        p.seqScans.join(", ") || "-",
        ms(p.executionMs),
      ]),
    ]),
  );
  console.log();

  const server = await startNextServer({ databaseUrl: bench.url, port, env: { DATABASE_POOL_SIZE: String(poolSize) } });
  const rows: string[][] = [];
  let failures = 0;
  try {
    for (const { route, steps } of recorded) {
      const load = { path: route.path, token: route.as ? tokens[route.as] : null, connections };
      await loadRoute(server.baseUrl, { ...load, seconds: warmup });
      const api = await loadRoute(server.baseUrl, { ...load, seconds });
      const raw = await loadSql(bench.url, steps, { connections, seconds, poolSize });
      if (route.as) failures += failuresOf(api); // the floor's 401s are its point
      const ratio = raw.p95 > 0 ? api.p95 / raw.p95 : 0;
      rows.push(
        [`${route.name} API`, ...latencyCells(api), route.as ? String(failuresOf(api)) : "-"],
        [`${route.name} SQL`, ...latencyCells(raw), "", ratio.toFixed(1)],
      );
      if (route.target) {
        const p95Ok = api.count > 0 && api.p95 <= route.target.p95Ms;
        const ratioOk = route.target.maxRatio === undefined || ratio <= route.target.maxRatio;
        verdicts.push(
          `${p95Ok && ratioOk ? "met   " : "MISSED"} ${route.name}: p95 ${ms(api.p95)} ms (target ≤ ${route.target.p95Ms})` +
            (route.target.maxRatio !== undefined ? `, ${ratio.toFixed(1)}× raw SQL (target ≤ ${route.target.maxRatio}×)` : ""),
        );
      }
    }
  } finally {
    const memory = await server.stop();
    console.log(table([["route", ...LATENCY_HEADER, "failed", "API÷SQL p95"], ...rows]));
    console.log(
      `\nserver peak RSS: ${memory.peakRssMb.toFixed(0)} MB (largest single process ${memory.largestProcessHwmMb.toFixed(0)} MB)`,
    );
    console.log(`failed requests (non-2xx, errors, timeouts): ${failures}\n`);
  }
}

async function benchOverdueCheck(bench: BenchDatabase, verdicts: string[]) {
  const { first, second } = await timeOverdueCheck(bench);
  for (const [label, run] of [
    ["first run", first],
    ["re-run  ", second],
  ] as const) {
    verdicts.push(
      `${run.seconds <= 5 && run.exitCode === 0 ? "met   " : "MISSED"} overdue check ${label.trim()}: ${run.seconds.toFixed(1)} s (target ≤ 5 s)`,
    );
    console.log(`overdue check, ${label}: ${run.seconds.toFixed(2)} s, peak RSS ${run.peakRssMb.toFixed(0)} MB, exit ${run.exitCode}`);
    console.log(`  RSS by tenth of the run (MB): ${run.rssSamplesMb.map((mb) => mb.toFixed(0)).join(" ")}`);
    console.log(`  ${run.output.split("\n").at(-1)}`);
  }
  console.log();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
