import { ownerVisibleSql } from "@/lib/opportunities";
import { Prisma, queryRows } from "@/lib/db";
import type { Scope } from "@/lib/scope";
import type { WinLossQuery } from "./schemas";

export type WinLossFigures = {
  won: number;
  lost: number;
  won_value: string;
  lost_value: string;
  mean_cycle_days: string | null;
  close_date_pushes: number;
};
export type WinLossRow = WinLossFigures & { key: string | null; label: string };

/** The group key and its label, per `group_by`. */
const GROUPS: Record<WinLossQuery["group_by"], { key: Prisma.Sql; label: Prisma.Sql }> = {
  rep: { key: Prisma.sql`o.assigned_to::text`, label: Prisma.sql`u.name` },
  client: { key: Prisma.sql`o.client_id::text`, label: Prisma.sql`c.name` },
  loss_reason: { key: Prisma.sql`o.loss_reason_id::text`, label: Prisma.sql`coalesce(r.label, 'No reason from the list')` },
  month: { key: Prisma.sql`to_char(o.actual_close_date, 'YYYY-MM')`, label: Prisma.sql`to_char(o.actual_close_date, 'YYYY-MM')` },
};

const FIGURES = Prisma.sql`
  count(*) FILTER (WHERE o.stage = 'CLOSED_WON')::int AS won,
  count(*) FILTER (WHERE o.stage = 'CLOSED_LOST')::int AS lost,
  coalesce(sum(o.base_value) FILTER (WHERE o.stage = 'CLOSED_WON'), 0)::text AS won_value,
  coalesce(sum(o.base_value) FILTER (WHERE o.stage = 'CLOSED_LOST'), 0)::text AS lost_value,
  round(avg(o.actual_close_date - (o.created_at AT TIME ZONE 'UTC')::date), 2)::text AS mean_cycle_days,
  coalesce(sum(o.close_date_pushes), 0)::int AS close_date_pushes`;

/**
 * The visible live deals closed in the window (by close date), grouped, and their totals; grouped by loss reason
 * only the lost deals count. Two statements, each one aggregate.
 */
export async function winLoss(scope: Scope, query: WinLossQuery): Promise<{ groups: WinLossRow[]; totals: WinLossFigures }> {
  const group = GROUPS[query.group_by];
  const stages =
    query.group_by === "loss_reason" ? Prisma.sql`o.stage = 'CLOSED_LOST'` : Prisma.sql`o.stage IN ('CLOSED_WON', 'CLOSED_LOST')`;
  const from = Prisma.sql`
    FROM opportunities o
    JOIN users u ON u.id = o.assigned_to JOIN clients c ON c.id = o.client_id LEFT JOIN loss_reasons r ON r.id = o.loss_reason_id
    WHERE o.tenant_id = ${scope.tenantId}::uuid AND o.is_deleted = false AND ${stages}
      AND o.actual_close_date BETWEEN ${query.from}::date AND ${query.to}::date
      AND ${ownerVisibleSql(scope, Prisma.sql`o.assigned_to`, query.assigned_to)}`;
  const [groups, totals] = await Promise.all([
    queryRows<WinLossRow>(Prisma.sql`
      SELECT ${group.key} AS key, ${group.label} AS label, ${FIGURES} ${from}
      GROUP BY 1, 2 ORDER BY coalesce(sum(o.base_value) FILTER (WHERE o.stage = 'CLOSED_WON'), 0) DESC, 2, 1`),
    queryRows<WinLossFigures>(Prisma.sql`SELECT ${FIGURES} ${from}`),
  ]);
  return { groups, totals: totals[0]! };
}
