import { Prisma, queryRows } from "@/lib/db";
import { OPEN_STAGES, ownerVisibleSql } from "@/lib/opportunities";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import type { Scope } from "@/lib/scope";
import { windowBounds } from "./window-bounds";
import type { WindowQuery } from "./schemas";

export type FunnelRow = {
  stage: OpportunityStage;
  entered: number;
  moved_on: number;
  won: number;
  lost: number;
  median_days: string | null;
  mean_days: string | null;
};

/** Forward order of the pipeline: moving to a later stage (or winning) is moving on; losing is not. */
const FORWARD = Prisma.raw(`ARRAY[${[...OPEN_STAGES, "CLOSED_WON"].map((stage) => `'${stage}'`).join(",")}]`);

/**
 * Per open stage, the entries into it in the window (stage changes of the change log) of the visible live deals,
 * each followed to its next stage change and to the deal's stage at the window's end; time in stage counts the
 * entries that left it by then. One statement.
 */
export async function funnel(scope: Scope, query: WindowQuery): Promise<FunnelRow[]> {
  const { start, end } = windowBounds(query.from, query.to);
  const rows = await queryRows<FunnelRow>(Prisma.sql`
    SELECT e.new_value AS stage,
           count(*)::int AS entered,
           count(*) FILTER (WHERE array_position(${FORWARD}, nx.new_value) > array_position(${FORWARD}, e.new_value))::int AS moved_on,
           count(*) FILTER (WHERE fin.stage = 'CLOSED_WON')::int AS won,
           count(*) FILTER (WHERE fin.stage = 'CLOSED_LOST')::int AS lost,
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM nx.changed_at - e.changed_at) / 86400)::numeric, 2)::text AS median_days,
           round(avg(extract(epoch FROM nx.changed_at - e.changed_at) / 86400), 2)::text AS mean_days
    FROM opportunity_changes e
    JOIN opportunities o ON o.id = e.opportunity_id
    LEFT JOIN LATERAL (
      SELECT n.new_value, n.changed_at FROM opportunity_changes n
      WHERE n.opportunity_id = e.opportunity_id AND n.field = 'stage' AND n.changed_at < ${end}::timestamptz
        AND (n.changed_at, n.id) > (e.changed_at, e.id)
      ORDER BY n.changed_at, n.id LIMIT 1
    ) AS nx ON TRUE
    LEFT JOIN LATERAL (
      SELECT f.new_value AS stage FROM opportunity_changes f
      WHERE f.opportunity_id = e.opportunity_id AND f.field = 'stage' AND f.changed_at < ${end}::timestamptz
      ORDER BY f.changed_at DESC, f.id DESC LIMIT 1
    ) AS fin ON TRUE
    WHERE e.tenant_id = ${scope.tenantId}::uuid AND e.field = 'stage'
      AND e.changed_at >= ${start}::timestamptz AND e.changed_at < ${end}::timestamptz
      AND o.is_deleted = false AND ${ownerVisibleSql(scope, Prisma.sql`o.assigned_to`, query.assigned_to)}
    GROUP BY e.new_value`);
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  return OPEN_STAGES.map(
    (stage) => byStage.get(stage) ?? { stage, entered: 0, moved_on: 0, won: 0, lost: 0, median_days: null, mean_days: null },
  );
}
