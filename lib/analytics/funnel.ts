import { Prisma, queryRows } from "@/lib/db";
import { OPEN_STAGES, ownerVisibleSql } from "@/lib/opportunities";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import type { Scope } from "@/lib/scope";
import { versionsAtSql } from "./state-sql";
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
const OPEN = Prisma.raw(`(${OPEN_STAGES.map((stage) => `'${stage}'`).join(",")})`);

/**
 * Per open stage, the stays entered in the window (opportunity_stage_spans, kept from the change log's stage changes)
 * by the visible live deals, each followed to the stage it left for (when it left before the window's end) and to the
 * deal's stage at the window's end (its version then when it changed since, else its stage now: for a window ending
 * today, no version at all). Time in stage counts the stays left by then. One statement over one range of stays.
 */
export async function funnel(scope: Scope, query: WindowQuery): Promise<FunnelRow[]> {
  const { start, end } = windowBounds(query.from, query.to);
  const left = Prisma.sql`sp.left_at < ${end}::timestamptz`;
  const days = Prisma.sql`extract(epoch FROM sp.left_at - sp.entered_at) / 86400`;
  const finalStage = Prisma.sql`coalesce(v.stage, o.stage)`;
  const rows = await queryRows<FunnelRow>(Prisma.sql`
    SELECT sp.stage::text AS stage,
           count(*)::int AS entered,
           count(*) FILTER (WHERE ${left} AND array_position(${FORWARD}, sp.next_stage::text) > array_position(${FORWARD}, sp.stage::text))::int AS moved_on,
           count(*) FILTER (WHERE ${finalStage} = 'CLOSED_WON')::int AS won,
           count(*) FILTER (WHERE ${finalStage} = 'CLOSED_LOST')::int AS lost,
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${left}))::numeric, 2)::text AS median_days,
           round(avg(${days}) FILTER (WHERE ${left}), 2)::text AS mean_days
    FROM opportunity_stage_spans sp
    JOIN opportunities o ON o.id = sp.opportunity_id
    LEFT JOIN (${versionsAtSql(scope.tenantId, end)}) AS v ON v.opportunity_id = sp.opportunity_id
    WHERE sp.tenant_id = ${scope.tenantId}::uuid AND sp.entered_at >= ${start}::timestamptz AND sp.entered_at < ${end}::timestamptz
      AND sp.stage IN ${OPEN} AND o.is_deleted = false AND ${ownerVisibleSql(scope, Prisma.sql`o.assigned_to`, query.assigned_to)}
    GROUP BY sp.stage`);
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  return OPEN_STAGES.map(
    (stage) => byStage.get(stage) ?? { stage, entered: 0, moved_on: 0, won: 0, lost: 0, median_days: null, mean_days: null },
  );
}
