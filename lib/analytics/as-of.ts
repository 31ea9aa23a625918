import { Prisma, queryRows } from "@/lib/db";
import { STAGES, type PipelineSummary } from "@/lib/opportunities";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import type { Scope } from "@/lib/scope";
import { baseCurrencyOf } from "@/lib/tenants";
import { ownerScopeSql, windowBounds } from "./scope-sql";
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
    queryRows<{
      stage: OpportunityStage;
      count: number;
      total_value: string;
      weighted_value: string;
      average_probability: string;
    }>(Prisma.sql`
      SELECT s.stage, count(*)::int AS count, sum(s.base_value)::text AS total_value,
             round(sum(opportunity_weighted_cents(s.base_value, s.probability)) / 100, 2)::text AS weighted_value,
             round(avg(s.probability), 2)::text AS average_probability
      FROM (${dealsAtSql(scope.tenantId, end)}) AS s
      WHERE NOT s.is_deleted AND ${ownerScopeSql(scope, filters.assigned_to, Prisma.sql`s.assigned_to`)}
      GROUP BY s.stage`),
  ]);
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  const stages = STAGES.map((stage) => {
    const row = byStage.get(stage);
    return {
      stage,
      count: row?.count ?? 0,
      totalValue: row?.total_value ?? "0",
      weightedValue: row?.weighted_value ?? "0",
      averageProbability: row?.average_probability ?? "0",
    };
  });
  return { baseCurrency, stages };
}
