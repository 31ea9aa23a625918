import pg from "pg";
import { getFunnel, getPipelineSummaryAsOf, getVelocity, getWaterfall, getWinLoss, funnelQuery, winLossQuery } from "@/lib/analytics";
import { getPipelineSummary } from "@/lib/opportunities";
const c = new pg.Client({ connectionString: process.env.DATABASE_URL }); await c.connect();
const { rows } = await c.query("select tenant_id, id, role from users where tenant_id = (select id from tenants limit 1) and role in ('ADMIN','SALES_REP') order by role, email limit 60");
const admin = { tenantId: rows[0].tenant_id, userId: rows[0].id, role: rows[0].role };
const rep = rows.find((r: any) => r.role === "SALES_REP"); const repScope = { tenantId: rep.tenant_id, userId: rep.id, role: rep.role };
await c.end();
const day = (n: number) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
const q = { from: day(90), to: day(0) };
const which = process.argv[2] ?? "all";
const cases: [string, () => Promise<unknown>][] = [
  ["funnel", () => getFunnel(admin, funnelQuery.parse(q))],
  ["winloss", () => getWinLoss(admin, winLossQuery.parse(q))],
  ["velocity", () => getVelocity(admin, funnelQuery.parse(q))],
  ["waterfall", () => getWaterfall(admin, funnelQuery.parse(q))],
  ["asof", () => getPipelineSummaryAsOf(admin, day(30))],
  ["asof-rep", () => getPipelineSummaryAsOf(repScope, day(30))],
  ["asof-today", () => getPipelineSummaryAsOf(admin, day(0))],
  ["live", () => getPipelineSummary(admin)],
];
for (const [name, run] of cases) {
  if (which !== "all" && !which.split(",").includes(name)) continue;
  const times: number[] = []; let out: unknown;
  for (let i = 0; i < 4; i++) { const t = performance.now(); out = await run(); times.push(performance.now() - t); }
  console.log(name, times.map((t) => t.toFixed(0)).join(" "), process.argv[3] ? JSON.stringify(out).slice(0, 900) : "");
}
process.exit(0);
