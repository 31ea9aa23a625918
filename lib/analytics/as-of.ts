import { Prisma, queryRows } from "@/lib/db";
import { everyStage, type PipelineSummary, type StageTotalsRow, ownerVisibleSql } from "@/lib/opportunities";
import type { Scope } from "@/lib/scope";
import { baseCurrencyOf } from "@/lib/tenants";
import { windowBounds } from "./window-bounds";
import { dealsAtSql } from "./state-sql";

/**
 * The pipeline summary as it stood at the end of `day` (UTC), rebuilt from the change log: per stage the live deals
 * then owned by whom the caller may see, with the values and probabilities of that moment. Same aggregates as the
 * live summary (weighted values summed in whole cents).
 */
export async function getPipelineSummaryAsOf(scope: Scope, day: string, filters: { assigned_to?: string } = {}): Promise<PipelineSummary> {
  const { end } = windowBounds(day, day);
  const [baseCurrency, rows] = await Promise.all([
    baseCurrencyOf(scope),
    queryRows<StageTotalsRow>(Prisma.sql`
      SELECT s.stage, count(*)::int AS count, sum(s.base_value)::text AS total_value,
             round(sum(opportunity_weighted_cents(s.base_value, s.probability)) / 100, 2)::text AS weighted_value,
             round(avg(s.probability), 2)::text AS average_probability
      FROM (${dealsAtSql(scope.tenantId, end)}) AS s
      WHERE NOT s.is_deleted AND ${ownerVisibleSql(scope, Prisma.sql`s.assigned_to`, filters.assigned_to)}
      GROUP BY s.stage`),
  ]);
  return { baseCurrency, stages: everyStage(rows) };
}
