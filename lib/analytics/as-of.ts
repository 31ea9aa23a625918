import { Prisma, queryRows } from "@/lib/db";
import { everyStage, type PipelineSummary, type StageTotalsRow, ownerVisibleSql } from "@/lib/opportunities";
import type { Scope } from "@/lib/scope";
import { baseCurrencyOf } from "@/lib/tenants";
import { snapshotTaken } from "./snapshots";
import { windowBounds } from "./window-bounds";
import { ownerStageTotalsAtSql } from "./state-sql";

/**
 * The pipeline summary as it stood at the end of `day` (UTC): per stage the live deals then owned by whom the caller
 * may see, with the values and probabilities of that moment — read from the day's snapshot once the nightly job has
 * taken it, rebuilt from the change log before that (the same figures: the snapshot is that rebuild, kept). Same
 * aggregates as the live summary (weighted values summed in whole cents).
 */
export async function getPipelineSummaryAsOf(scope: Scope, day: string, filters: { assigned_to?: string } = {}): Promise<PipelineSummary> {
  const { end } = windowBounds(day, day);
  const [baseCurrency, taken] = await Promise.all([baseCurrencyOf(scope), snapshotTaken(scope.tenantId, day)]);
  const totals = taken
    ? Prisma.sql`SELECT s.assigned_to, s.stage::text AS stage, s.deals, s.total_value, s.weighted_cents, s.probability_sum
                 FROM pipeline_snapshots s WHERE s.tenant_id = ${scope.tenantId}::uuid AND s.day = ${day}::date`
    : ownerStageTotalsAtSql(scope.tenantId, end);
  const rows = await queryRows<StageTotalsRow>(Prisma.sql`
    SELECT x.stage, sum(x.deals)::int AS count, sum(x.total_value)::text AS total_value,
           round(sum(x.weighted_cents) / 100, 2)::text AS weighted_value,
           round(sum(x.probability_sum) / sum(x.deals), 2)::text AS average_probability
    FROM (${totals}) AS x
    WHERE ${ownerVisibleSql(scope, Prisma.sql`x.assigned_to`, filters.assigned_to)}
    GROUP BY x.stage`);
  return { baseCurrency, stages: everyStage(rows) };
}
