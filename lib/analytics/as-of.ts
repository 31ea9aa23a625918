import { Prisma, queryRows } from "@/lib/db";
import { everyStage, type PipelineSummary, type StageTotalsRow, ownerVisibleSql } from "@/lib/opportunities";
import type { Scope } from "@/lib/scope";
import { baseCurrencyOf } from "@/lib/tenants";
import { windowBounds } from "./window-bounds";
import { dealsChangedSinceSql } from "./state-sql";

/**
 * The pipeline summary as it stood at the end of `day` (UTC): the live per-owner totals (opportunity_stage_totals)
 * with every deal changed or created since taken out as it is now and put back as it was then — so the work grows
 * with what changed since that day, not with the pipeline. Per stage the live deals then owned by whom the caller may
 * see, with the values and probabilities of that moment; the same aggregates as the live summary (weighted values
 * summed in whole cents).
 */
export async function getPipelineSummaryAsOf(scope: Scope, day: string, filters: { assigned_to?: string } = {}): Promise<PipelineSummary> {
  const { end } = windowBounds(day, day);
  const visible = (owner: Prisma.Sql) => ownerVisibleSql(scope, owner, filters.assigned_to);
  const [baseCurrency, rows] = await Promise.all([
    baseCurrencyOf(scope),
    queryRows<StageTotalsRow>(Prisma.sql`
      WITH d AS (${dealsChangedSinceSql(scope.tenantId, end)})
      SELECT x.stage, sum(x.deals)::int AS count, sum(x.total_value)::text AS total_value,
             round(sum(x.weighted_cents) / 100, 2)::text AS weighted_value,
             round(sum(x.probability_sum) / sum(x.deals), 2)::text AS average_probability
      FROM (
        SELECT t.stage::text AS stage, t.deals, t.total_value, t.weighted_cents, t.probability_sum
        FROM opportunity_stage_totals t
        WHERE t.tenant_id = ${scope.tenantId}::uuid AND ${visible(Prisma.sql`t.assigned_to`)}
        UNION ALL
        SELECT d.now_stage, -1, -d.now_base_value, -opportunity_weighted_cents(d.now_base_value, d.now_probability), -d.now_probability
        FROM d WHERE NOT d.now_is_deleted AND ${visible(Prisma.sql`d.now_assigned_to`)}
        UNION ALL
        SELECT d.stage, 1, d.base_value, opportunity_weighted_cents(d.base_value, d.probability), d.probability
        FROM d WHERE d.existed AND NOT d.is_deleted AND ${visible(Prisma.sql`d.assigned_to`)}
      ) AS x
      GROUP BY x.stage
      HAVING sum(x.deals) > 0`),
  ]);
  return { baseCurrency, stages: everyStage(rows) };
}
