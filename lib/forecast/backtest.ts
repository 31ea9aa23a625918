import { dealsAtSql } from "@/lib/analytics";
import { Prisma, queryRows } from "@/lib/db";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { ownerVisibleSql } from "@/lib/opportunities";
import type { Scope } from "@/lib/scope";
import { fromCents } from "./money-cents";
import { simulatedRange } from "./range";
import { stageProbabilities } from "./service";
import { stageWinRates } from "./win-rates";

export type Backtest = {
  as_of: string;
  from: string;
  to: string;
  open_deals_then: number;
  won_then: string;
  predicted: { p10: string; p50: string; p90: string };
  actual_won: string;
  inside_p10_p90: boolean;
};

/**
 * The forecast as it would have been made at the instant `asOf` for the days from–to, against what closed:
 * the deals as they stood then (change log), the win rates learned from what had closed by then, the same
 * simulation; `actual_won` is the base value of the deals won with a close date from–to, as they stand now.
 */
export async function backtestForecast(scope: Scope, asOf: Date, window: { from: string; to: string }): Promise<Backtest> {
  const visible = ownerVisibleSql(scope, Prisma.sql`s.assigned_to`);
  const [then, actual, rates] = await Promise.all([
    queryRows<{ stage: OpportunityStage; cents: string[] }>(Prisma.sql`
      SELECT s.stage, array_agg((s.base_value * 100)::bigint ORDER BY s.id) AS cents
      FROM (${dealsAtSql(scope.tenantId, asOf)}) AS s
      WHERE NOT s.is_deleted AND ${visible} AND s.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
        AND s.expected_close_date BETWEEN ${window.from}::date AND ${window.to}::date
      GROUP BY s.stage ORDER BY s.stage`),
    queryRows<{ actual: string; won_then: string }>(Prisma.sql`
      SELECT (coalesce(sum(o.base_value), 0) * 100)::bigint::text AS actual,
             (coalesce(sum(o.base_value) FILTER (WHERE s.stage = 'CLOSED_WON'), 0) * 100)::bigint::text AS won_then
      FROM opportunities o LEFT JOIN (${dealsAtSql(scope.tenantId, asOf)}) AS s ON s.id = o.id
      WHERE o.tenant_id = ${scope.tenantId}::uuid AND NOT o.is_deleted AND o.stage = 'CLOSED_WON'
        AND ${ownerVisibleSql(scope, Prisma.sql`o.assigned_to`)}
        AND o.actual_close_date BETWEEN ${window.from}::date AND ${window.to}::date`),
    stageWinRates(scope.tenantId, stageProbabilities(scope), asOf),
  ]);
  const wonThen = Number(actual[0]?.won_then ?? "0");
  const actualWon = Number(actual[0]?.actual ?? "0");
  const range = simulatedRange({
    periods: 1,
    buckets: [{ period: 0, wonCents: wonThen }],
    groups: then.map((group) => ({ bucket: 0, stage: group.stage, cents: group.cents.map(Number) })),
    rates: rates.rates,
  });
  const predicted = range.periods[0]!;
  return {
    as_of: asOf.toISOString(),
    from: window.from,
    to: window.to,
    open_deals_then: then.reduce((sum, group) => sum + group.cents.length, 0),
    won_then: fromCents(wonThen),
    predicted: { p10: fromCents(predicted.p10), p50: fromCents(predicted.p50), p90: fromCents(predicted.p90) },
    actual_won: fromCents(actualWon),
    inside_p10_p90: actualWon >= predicted.p10 && actualWon <= predicted.p90,
  };
}
