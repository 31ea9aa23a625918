import { ownerVisibleSql } from "@/lib/opportunities";
import { Prisma, queryRows } from "@/lib/db";
import type { Scope } from "@/lib/scope";
import type { WindowQuery } from "./schemas";

export type VelocityRow = {
  open_deals: number;
  won: number;
  lost: number;
  mean_deal_size: string;
  mean_cycle_days: string | null;
  velocity: string;
};

/**
 * Sales velocity of the visible live deals: open deals now (from the live per-owner totals); mean size, win rate
 * and mean cycle of the deals closed in the window. velocity = open × size × won/(won+lost) ÷ cycle, computed
 * exactly and rounded once.
 */
export async function velocity(scope: Scope, query: WindowQuery): Promise<VelocityRow> {
  const owner = ownerVisibleSql(scope, Prisma.sql`o.assigned_to`, query.assigned_to);
  const [row] = await queryRows<VelocityRow>(Prisma.sql`
    WITH closed AS (
      SELECT count(*) FILTER (WHERE o.stage = 'CLOSED_WON') AS won,
             count(*) FILTER (WHERE o.stage = 'CLOSED_LOST') AS lost,
             avg(o.base_value) FILTER (WHERE o.stage = 'CLOSED_WON') AS size,
             avg(o.actual_close_date - (o.created_at AT TIME ZONE 'UTC')::date) FILTER (WHERE o.stage = 'CLOSED_WON') AS cycle
      FROM opportunities o
      WHERE o.tenant_id = ${scope.tenantId}::uuid AND o.is_deleted = false AND o.stage IN ('CLOSED_WON', 'CLOSED_LOST')
        AND o.actual_close_date BETWEEN ${query.from}::date AND ${query.to}::date AND ${owner}
    ), open AS (
      SELECT coalesce(sum(t.deals), 0) AS deals FROM opportunity_stage_totals t
      WHERE t.tenant_id = ${scope.tenantId}::uuid AND t.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
        AND ${ownerVisibleSql(scope, Prisma.sql`t.assigned_to`, query.assigned_to)}
    )
    SELECT open.deals::int AS open_deals, closed.won::int AS won, closed.lost::int AS lost,
           round(coalesce(closed.size, 0), 2)::text AS mean_deal_size,
           round(closed.cycle, 2)::text AS mean_cycle_days,
           CASE WHEN coalesce(closed.cycle, 0) = 0 THEN '0.00'
                ELSE round(open.deals * closed.size * closed.won / (closed.won + closed.lost) / closed.cycle, 2)::text END AS velocity
    FROM closed, open`);
  return row!;
}
