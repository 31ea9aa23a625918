/**
 * `npm run bench [-- options]`: the performance benchmark of issue #10. Seeds one large tenant (once), starts
 * `next start` on it, drives the key routes with concurrent load and prints p50/p95/p99 and throughput per route,
 * the same statements run straight through `pg` and the ratio API ÷ SQL, the indexes their plans use, the server's
 * peak memory, the time and memory of the overdue-opportunities check over the whole data set, and notification
 * emails at volume through a local Resend stand-in (`--mail-only` runs that section alone).
 * Figures are printed, never asserted; see docs/performance.md for what they were and why.
 */
import os from "node:os";
import pg from "pg";
import { type Scope } from "@/lib/scope";
import { scopeFromBearer } from "@/lib/auth";
import { systemClock } from "@/lib/clock";
import { closeDatabase } from "@/lib/db";
import { unreadCount } from "@/lib/notifications";
import { boardQuery, getOpportunities, getOpportunitiesByStage, getPipelineSummary, listOpportunitiesQuery } from "@/lib/opportunities";
import { forecastQuery, forgetSimulations, getForecast } from "@/lib/forecast";
import {
  funnelQuery,
  getFunnel,
  getPipelineSummaryAsOf,
  getVelocity,
  getWaterfall,
  getWinLoss,
  takePipelineSnapshots,
  winLossQuery,
} from "@/lib/analytics";
import { Flags } from "./perf/args";
import { DEFAULT_SIZE, issueBenchTokens, prepareBenchDatabase, type BenchDatabase } from "./perf/bench-database";
import { failuresOf, loadRoute, type HttpLoadResult } from "./perf/http-load";
import { timeJob } from "./perf/job-timing";
import { benchExports } from "./perf/export-timing";
import { benchImports } from "./perf/import-volume";
import { startNextServer } from "./perf/next-server";
import { checkPlan, type PlanCheck } from "./perf/plans";
import { record } from "./perf/recorded-statements";
import { loadSql, type Statement } from "./perf/sql-load";
import { benchMailVolume } from "./perf/mail-volume";
import { LATENCY_HEADER, latencyCells, ms, table, type LatencySummary } from "./perf/stats";

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
  "forecast-only": "only time the forecast (12 months) in-process: cold (simulation each call) and warm",
  "mail-only": "only the mail-at-volume section: alerts emailed through a local Resend stand-in",
  "skip-mail": "leave out the mail-at-volume section",
  "mail-alerts": "alerts emailed in the mail section (default 100000)",
  "mail-users": "temporary recipients of the mail section (default 2000)",
  "mail-contents": "distinct contents among the mail section's alerts (default 50)",
  "mail-distinct": "alerts of the mail section's second run, each with its own content (default 1000)",
  routes: "only the routes whose name contains this text (the floor is always measured), e.g. --routes quarter",
  "skip-exports": "do not time the CSV and XLSX exports of every deal",
  "exports-only": "only time the CSV and XLSX exports of every deal",
  "imports-only": "only time a 50,000-deal import (dry run and commit, CSV and XLSX) on a database of its own, created and dropped",
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

type Target = {
  p95Ms: number;
  /** API p95 ÷ raw SQL p95. */
  maxRatio?: number;
  /** API p95 ÷ (floor p95 + raw SQL p95): what the route costs beyond the framework and the database. */
  maxOverFloorAndSql?: number;
  /** API requests/s ÷ raw SQL requests/s. */
  minThroughputShare?: number;
  /** Board routes: bytes of JSON per card. */
  maxBytesPerCard?: number;
};

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
  /** Loaded against BENCH_PEER_URL too, when it is set. */
  peer?: boolean;
};

const listQuery = (query: Record<string, string>) => listOpportunitiesQuery.parse(query);
const forecastMonths = forecastQuery.parse({ period: "month", from: new Date().toISOString().slice(0, 7), periods: "12" });
const forecastPath = `/api/v1/analytics/forecast?period=month&from=${forecastMonths.from}&periods=12`;
const board = boardQuery.parse({});
const isoDay = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
/** The last quarter, as the dashboard's period picker asks for it. */
const quarter = { from: isoDay(90), to: isoDay(0) };
const quarterQuery = `from=${quarter.from}&to=${quarter.to}`;
const analyticsWindow = funnelQuery.parse(quarter);
const asOfDay = isoDay(30);

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
    target: { p95Ms: 10, maxRatio: 3, maxOverFloorAndSql: 1.1 },
    peer: true,
  },
  {
    name: "list, page 1 (admin)",
    path: "/api/v1/opportunities",
    as: "admin",
    runs: (scope) => getOpportunities(scope, listQuery({})),
    indexes: ["idx_opportunities_tenant_created"],
    target: { p95Ms: 40, maxRatio: 3 },
    peer: true,
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
    target: { p95Ms: 80, maxOverFloorAndSql: 1.3, minThroughputShare: 0.7, maxBytesPerCard: 300 },
    peer: true,
  },
  {
    name: "board 6×50 (rep)",
    path: "/api/v1/opportunities/pipeline/board",
    as: "rep",
    runs: (scope) => getOpportunitiesByStage(scope, board),
    indexes: ["idx_opportunities_assignee_board_order"],
    target: { p95Ms: 80, maxOverFloorAndSql: 1.3, minThroughputShare: 0.7, maxBytesPerCard: 300 },
  },
  {
    name: "summary (admin)",
    path: "/api/v1/opportunities/pipeline/summary",
    as: "admin",
    runs: (scope) => getPipelineSummary(scope),
    target: { p95Ms: 150, maxOverFloorAndSql: 1.1 },
    peer: true,
  },
  {
    // Repeated requests of unchanged data reuse the simulation (same inputs, same hash): `--forecast-only` times it cold.
    name: "forecast 12 months (admin)",
    path: forecastPath,
    as: "admin",
    runs: (scope) => getForecast(scope, forecastMonths),
    target: { p95Ms: 300 },
  },
  {
    name: "summary as of 30 days ago (admin)",
    path: `/api/v1/opportunities/pipeline/summary?as_of=${asOfDay}`,
    as: "admin",
    runs: (scope) => getPipelineSummaryAsOf(scope, asOfDay),
    target: { p95Ms: 150 },
  },
  {
    // Today is not kept until it has settled: rebuilt from the live totals and the day's changes.
    name: "summary as of today, rebuilt (admin)",
    path: `/api/v1/opportunities/pipeline/summary?as_of=${isoDay(0)}`,
    as: "admin",
    runs: (scope) => getPipelineSummaryAsOf(scope, isoDay(0)),
    target: { p95Ms: 150 },
  },
  {
    name: "funnel, last quarter (admin)",
    path: `/api/v1/analytics/funnel?${quarterQuery}`,
    as: "admin",
    runs: (scope) => getFunnel(scope, analyticsWindow),
    target: { p95Ms: 150 },
  },
  {
    name: "win/loss by rep, last quarter (admin)",
    path: `/api/v1/analytics/win-loss?${quarterQuery}`,
    as: "admin",
    runs: (scope) => getWinLoss(scope, winLossQuery.parse(quarter)),
    target: { p95Ms: 150 },
  },
  {
    name: "velocity, last quarter (admin)",
    path: `/api/v1/analytics/velocity?${quarterQuery}`,
    as: "admin",
    runs: (scope) => getVelocity(scope, analyticsWindow),
    target: { p95Ms: 150 },
  },
  {
    name: "waterfall, last quarter (admin)",
    path: `/api/v1/analytics/waterfall?${quarterQuery}`,
    as: "admin",
    runs: (scope) => getWaterfall(scope, analyticsWindow),
    target: { p95Ms: 150 },
  },
];

type Recorded = { route: BenchRoute; steps: Statement[][] };

/** Each route's statements as its code sends them: the bearer check of its caller's token, then the module call. */
async function recordRoutes(tokens: Record<"admin" | "rep", string>): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const only = flags.text("routes");
  for (const route of ROUTES.filter((r) => !r.as || !only || r.name.includes(only))) {
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
  if (flags.has("imports-only")) {
    const verdicts: string[] = [];
    console.log(`machine:  ${machine()}\n`);
    await benchImports({ port, poolSize }, verdicts);
    console.log(verdicts.join("\n"));
    return;
  }
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
    if (flags.has("forecast-only")) {
      await benchForecastInProcess(bench, verdicts);
      console.log(verdicts.join("\n"));
      return;
    }
    const mail = () =>
      benchMailVolume(
        bench,
        {
          alerts: flags.number("mail-alerts", 100_000),
          users: flags.number("mail-users", 2_000),
          contents: flags.number("mail-contents", 50),
          distinct: flags.number("mail-distinct", 1_000),
        },
        verdicts,
      );
    if (flags.has("mail-only")) {
      await mail();
      console.log(verdicts.join("\n"));
      return;
    }
    if (flags.has("exports-only")) {
      await benchExports(bench, tokens.admin, { port, poolSize }, verdicts);
      console.log(verdicts.join("\n"));
      return;
    }
    if (!flags.has("job-only")) {
      // As the hourly snapshot-pipeline job has done on any running deployment: the as-of row reads a kept day.
      const kept = await takePipelineSnapshots(systemClock, { tenantId: bench.tenantId });
      console.log(`snapshot-pipeline: ${kept.days} days kept before measuring\n`);
      await benchRoutes(bench, tokens, await recordRoutes(tokens), verdicts);
    }
    if (!flags.has("job-only") && !flags.has("skip-exports")) await benchExports(bench, tokens.admin, { port, poolSize }, verdicts);
    if (!flags.has("skip-job")) await benchOverdueCheck(bench, verdicts);
    if (!flags.has("skip-mail") && !flags.has("job-only")) await mail();
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
  console.log("statements a request sends (recorded: the bearer check, then the route's; a step's statements go together):");
  for (const { route, steps } of recorded) if (route.as) console.log(`  ${route.name}: ${steps.map((step) => step.length).join(" then ")}`);
  console.log();

  const server = await startNextServer({ databaseUrl: bench.url, port, env: { DATABASE_POOL_SIZE: String(poolSize) } });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const idleRssMb = server.rssMb();
  const measured: Measured[] = [];
  try {
    for (const { route, steps } of recorded) {
      const load = { path: route.path, token: route.as ? tokens[route.as] : null, connections };
      await loadRoute(server.baseUrl, { ...load, seconds: warmup });
      const cpuBefore = server.cpuSeconds();
      const api = await loadRoute(server.baseUrl, { ...load, seconds });
      const cpuMsPerRequest = ((server.cpuSeconds() - cpuBefore) * 1000) / Math.max(1, api.count);
      const raw = await loadSql(bench.url, steps, { connections, seconds, poolSize });
      const bytesPerCard = route.target?.maxBytesPerCard !== undefined ? await boardBytesPerCard(server.baseUrl, load.token) : undefined;
      measured.push({ route, api, raw, cpuMsPerRequest, bytesPerCard });
    }
    const peerUrl = process.env.BENCH_PEER_URL;
    if (peerUrl) await benchPeer(server.baseUrl, peerUrl, tokens, recorded);
  } finally {
    const memory = await server.stop();
    printRoutes(measured, verdicts);
    console.log(
      `\nserver RSS: ${idleRssMb.toFixed(0)} MB idle after start, peak under load ${memory.peakRssMb.toFixed(0)} MB (largest single process ${memory.largestProcessHwmMb.toFixed(0)} MB)`,
    );
    verdicts.push(
      `${memory.peakRssMb <= 250 ? "met   " : "MISSED"} server peak RSS under load: ${memory.peakRssMb.toFixed(0)} MB (target ≤ 250)`,
    );
    const failures = measured.reduce((sum, m) => sum + (m.route.as ? failuresOf(m.api) : 0), 0); // the floor's 401s are its point
    console.log(`failed requests (non-2xx, errors, timeouts): ${failures}\n`);
  }
}

type Measured = { route: BenchRoute; api: HttpLoadResult; raw: LatencySummary; cpuMsPerRequest: number; bytesPerCard?: number };

/** One table of every route (API and its raw SQL), with the ratios to the raw SQL and to the floor measured in this run. */
function printRoutes(measured: Measured[], verdicts: string[]) {
  const floor = measured.find((m) => m.route.as === null);
  const rows: string[][] = [];
  for (const { route, api, raw, cpuMsPerRequest, bytesPerCard } of measured) {
    const overSql = raw.p95 > 0 ? api.p95 / raw.p95 : 0;
    const overFloorAndSql = floor && route.as ? api.p95 / (floor.api.p95 + raw.p95) : 0;
    const share = raw.throughput > 0 ? api.throughput / raw.throughput : 0;
    rows.push(
      [
        `${route.name} API`,
        ...latencyCells(api),
        route.as ? String(failuresOf(api)) : "-",
        cpuMsPerRequest.toFixed(2),
        "",
        "",
        "",
        bytesPerCard?.toFixed(0) ?? "",
      ],
      [
        `${route.name} SQL`,
        ...latencyCells(raw),
        "",
        "",
        overSql.toFixed(2),
        route.as ? overFloorAndSql.toFixed(2) : "",
        share.toFixed(2),
        "",
      ],
    );
    const target = route.target;
    if (!target) continue;
    const checks: Array<[boolean, string]> = [
      [api.count > 0 && api.p95 <= target.p95Ms, `p95 ${ms(api.p95)} ms (target ≤ ${target.p95Ms})`],
    ];
    if (target.maxRatio !== undefined)
      checks.push([overSql <= target.maxRatio, `${overSql.toFixed(2)}× raw SQL (target ≤ ${target.maxRatio}×)`]);
    if (target.maxOverFloorAndSql !== undefined)
      checks.push([
        overFloorAndSql <= target.maxOverFloorAndSql,
        `${overFloorAndSql.toFixed(2)}× (floor + SQL) (target ≤ ${target.maxOverFloorAndSql}×)`,
      ]);
    if (target.minThroughputShare !== undefined)
      checks.push([
        share >= target.minThroughputShare,
        `${(share * 100).toFixed(0)} % of raw SQL's req/s (target ≥ ${target.minThroughputShare * 100} %)`,
      ]);
    if (target.maxBytesPerCard !== undefined && bytesPerCard !== undefined)
      checks.push([bytesPerCard <= target.maxBytesPerCard, `${bytesPerCard.toFixed(0)} bytes a card (target ≤ ${target.maxBytesPerCard})`]);
    for (const [ok, text] of checks) verdicts.push(`${ok ? "met   " : "MISSED"} ${route.name}: ${text}`);
  }
  console.log(
    table([
      ["route", ...LATENCY_HEADER, "failed", "CPU ms/req", "API÷SQL p95", "API÷(floor+SQL) p95", "API÷SQL req/s", "bytes/card"],
      ...rows,
    ]),
  );
  if (floor)
    console.log(
      `\nframework floor: p95 ${ms(floor.api.p95)} ms, ${floor.api.throughput.toFixed(0)} req/s, ${floor.cpuMsPerRequest.toFixed(2)} ms CPU a request`,
    );
}

/** The board's JSON bytes per card, over the cards of one answer. */
async function boardBytesPerCard(baseUrl: string, token: string | null): Promise<number> {
  const response = await fetch(`${baseUrl}${ROUTES.find((r) => r.target?.maxBytesPerCard)!.path}`, {
    headers: { accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const body = (await response.json()) as { stages: Array<{ items: unknown[] }> };
  const cards = body.stages.flatMap((column) => column.items);
  return cards.length > 0 ? JSON.stringify(cards).length / cards.length : 0;
}

/**
 * The peer column: any server at BENCH_PEER_URL serving the same routes on the same database (same tokens) is
 * loaded in alternation with ours, A B A B A B, so both see the same machine noise; medians of three windows.
 */
async function benchPeer(ours: string, peer: string, tokens: Record<"admin" | "rep", string>, recorded: Recorded[]) {
  const rows: string[][] = [];
  for (const { route } of recorded.filter((r) => r.route.peer)) {
    const load = { path: route.path, token: route.as ? tokens[route.as] : null, connections, seconds };
    await loadRoute(peer, { ...load, seconds: warmup });
    const windows: { ours: HttpLoadResult[]; peer: HttpLoadResult[] } = { ours: [], peer: [] };
    for (let window = 0; window < 3; window++) {
      windows.ours.push(await loadRoute(ours, load));
      windows.peer.push(await loadRoute(peer, load));
    }
    const median = (results: HttpLoadResult[], key: "p95" | "throughput") => results.map((r) => r[key]).sort((a, b) => a - b)[1]!;
    const [oursP95, peerP95] = [median(windows.ours, "p95"), median(windows.peer, "p95")];
    const [oursRps, peerRps] = [median(windows.ours, "throughput"), median(windows.peer, "throughput")];
    const failed = [...windows.ours, ...windows.peer].reduce((sum, r) => sum + failuresOf(r), 0);
    rows.push([
      route.name,
      ms(oursP95),
      ms(peerP95),
      oursRps.toFixed(0),
      peerRps.toFixed(0),
      (oursRps / peerRps).toFixed(2),
      String(failed),
    ]);
  }
  console.log(`\npeer (${peer}), medians of 3 alternating windows of ${seconds} s:`);
  console.log(table([["route", "ours p95 ms", "peer p95 ms", "ours req/s", "peer req/s", "ours÷peer req/s", "failed"], ...rows]));
}

/**
 * The forecast for 12 months, in this process: cold (every run simulates) and warm (the same inputs reuse it), and
 * the same run's raw SQL — the statements `getForecast` sends, recorded once and replayed through `pg` step by step
 * (a step's statements in parallel, as the code sends them) — with each statement's plan (EXPLAIN ANALYZE).
 */
async function benchForecastInProcess(bench: BenchDatabase, verdicts: string[]) {
  const scope = { tenantId: bench.tenantId, userId: bench.admin.id, role: bench.admin.role };
  const time = async (cold: boolean) => {
    if (cold) forgetSimulations();
    const started = performance.now();
    const answer = await getForecast(scope, forecastMonths);
    return { ms: performance.now() - started, answer };
  };
  const first = await time(true);
  const openDeals = first.answer.periods.reduce((sum, period) => sum + period.open_deals, 0);
  const p50 = (values: number[]) => values.toSorted((a, b) => a - b)[Math.ceil(values.length * 0.5) - 1]!;
  const p95 = (values: number[]) => values.toSorted((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;
  const cold: number[] = [];
  for (let i = 0; i < 20; i++) cold.push((await time(true)).ms);
  const warm: number[] = [];
  for (let i = 0; i < 30; i++) warm.push((await time(false)).ms);
  const steps = await record(() => getForecast(scope, forecastMonths));
  await closeDatabase();

  const pool = new pg.Pool({ connectionString: bench.url, max: 4 });
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  try {
    const sql: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      for (const step of steps) await Promise.all(step.map((statement) => pool.query(statement.text, statement.values)));
      sql.push(performance.now() - started);
    }
    const plans = [];
    for (const statement of steps.flat()) plans.push(await checkPlan(client, "forecast", statement, []));
    console.log(
      `forecast, 12 months from ${forecastMonths.from}: ${openDeals} open deals simulated × ${first.answer.simulation.runs} runs`,
    );
    console.log(`  cold (simulation each call): p50 ${ms(p50(cold))} ms, p95 ${ms(p95(cold))} ms (${cold.length} calls)`);
    console.log(`  warm (same data, simulation reused): p50 ${ms(p50(warm))} ms, p95 ${ms(p95(warm))} ms (${warm.length} calls)`);
    console.log(
      `  raw SQL (its ${steps.flat().length} statements in ${steps.length} steps through pg): p50 ${ms(p50(sql))} ms, p95 ${ms(p95(sql))} ms`,
    );
    for (const plan of plans) {
      const scans = plan.seqScans.length > 0 ? `; seq scans: ${plan.seqScans.join(", ")}` : "";
      console.log(`    statement: ${ms(plan.executionMs)} ms (EXPLAIN ANALYZE); indexes: ${plan.indexes.join(", ") || "none"}${scans}`);
    }
    console.log(
      `  load average: ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(" ")} (${os.cpus().length} cores)`,
    );
  } finally {
    await client.end();
    await pool.end();
  }
  verdicts.push(`${p95(cold) <= 300 ? "met   " : "MISSED"} forecast 12 months, cold: p95 ${ms(p95(cold))} ms (target ≤ 300)`);
  verdicts.push(`${p95(warm) <= 300 ? "met   " : "MISSED"} forecast 12 months, warm: p95 ${ms(p95(warm))} ms (target ≤ 300)`);
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
