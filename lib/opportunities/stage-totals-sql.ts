import type { Scope } from "@/lib/scope";
import { ownerVisibleSql } from "./filters";
import { Prisma } from "@/lib/db";
import type { OpportunityFilters } from "./schemas";

/**
 * opportunity_stage_totals (kept by a trigger on opportunities) holds, per tenant, assignee and stage, the live deals'
 * count and sums. It answers any question narrowed only by visibility, assignee and stage; a client, a name search or
 * the overdue filter needs the opportunities themselves.
 */
export function totalsAnswer(filters: OpportunityFilters): boolean {
  return (
    filters.client_id === undefined &&
    !filters.q &&
    filters.overdue === undefined &&
    !filters.forecast_category &&
    !filters.close_from &&
    !filters.close_to
  );
}

/** The rows of opportunity_stage_totals `t` for what the caller may see, narrowed by assignee and stage. */
export function totalsWhere(scope: Scope, filters: OpportunityFilters): Prisma.Sql {
  const parts = [Prisma.sql`t.tenant_id = ${scope.tenantId}::uuid`, ownerVisibleSql(scope, Prisma.sql`t.assigned_to`, filters.assigned_to)];
  if (filters.stage) parts.push(Prisma.sql`t.stage = ${filters.stage}::opportunity_stage`);
  return Prisma.join(parts, " AND ");
}

/** Per stage: count, value, weighted value and average probability, as the live grouped query gives them. */
export function stageTotalsFromTotalsSql(scope: Scope, filters: OpportunityFilters): Prisma.Sql {
  return Prisma.sql`
    SELECT t.stage::text AS stage,
           sum(t.deals)::int AS count,
           sum(t.total_value)::text AS total_value,
           round(sum(t.weighted_cents) / 100, 2)::text AS weighted_value,
           round(sum(t.probability_sum) / sum(t.deals), 2)::text AS average_probability
    FROM opportunity_stage_totals t
    WHERE ${totalsWhere(scope, filters)}
    GROUP BY t.stage
    HAVING sum(t.deals) > 0`;
}

/** How many visible deals match, from the totals. */
export function countFromTotalsSql(scope: Scope, filters: OpportunityFilters): Prisma.Sql {
  return Prisma.sql`SELECT coalesce(sum(t.deals), 0)::int AS total FROM opportunity_stage_totals t WHERE ${totalsWhere(scope, filters)}`;
}
