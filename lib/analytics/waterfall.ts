import { Prisma, queryRows } from "@/lib/db";
import { OPEN_STAGES, ownerVisibleSql } from "@/lib/opportunities";
import type { Scope } from "@/lib/scope";
import { windowBounds } from "./window-bounds";
import type { WATERFALL_STEPS, WindowQuery } from "./schemas";
import { dealsAtSql } from "./state-sql";

type Step = "start" | "end" | (typeof WATERFALL_STEPS)[number];
export type WaterfallRow = Record<`${Step}_count`, number> & Record<`${Step}_value`, string>;

const OPEN = Prisma.raw(`(${OPEN_STAGES.map((stage) => `'${stage}'`).join(",")})`);

/**
 * The pipeline due by `to` (open live deals with an expected close date on or before `to`) at the start of `from`
 * and at the end of `to`, each deal of either state (or closed/deleted in the window) put in exactly one inflow and
 * one outflow, valued at the end: start + inflows − outflows + value changes = end holds deal by deal. Deals are the
 * caller's by their owner now.
 */
export async function waterfall(scope: Scope, query: WindowQuery): Promise<WaterfallRow> {
  const { start, end } = windowBounds(query.from, query.to);
  const [row] = await queryRows<WaterfallRow>(Prisma.sql`
    WITH s1 AS (${dealsAtSql(scope.tenantId, end)}),
    s0 AS (${dealsAtSql(scope.tenantId, start)}),
    d AS (
      SELECT s1.base_value AS v1, s0.base_value AS v0,
             (s0.id IS NULL) AS created,
             (s0.id IS NOT NULL AND NOT s0.is_deleted AND s0.stage IN ${OPEN}) AS open0,
             (s0.id IS NOT NULL AND NOT s0.is_deleted AND s0.stage IN ${OPEN} AND s0.expected_close_date <= ${query.to}::date) AS in0,
             (NOT s1.is_deleted AND s1.stage IN ${OPEN} AND s1.expected_close_date <= ${query.to}::date) AS in1,
             s1.is_deleted AS deleted1, s1.stage AS stage1
      FROM s1 JOIN opportunities o ON o.id = s1.id LEFT JOIN s0 ON s0.id = s1.id
      WHERE ${ownerVisibleSql(scope, Prisma.sql`o.assigned_to`, query.assigned_to)}
    ),
    p AS (
      SELECT d.*,
             CASE WHEN d.in0 THEN NULL WHEN d.created THEN 'created' ELSE 'pulled_in' END AS inflow,
             CASE WHEN d.in1 THEN NULL WHEN d.deleted1 THEN 'deleted' WHEN d.stage1 = 'CLOSED_WON' THEN 'won'
                  WHEN d.stage1 = 'CLOSED_LOST' THEN 'lost' ELSE 'pushed_out' END AS outflow
      FROM d
      WHERE d.in0 OR d.in1 OR ((d.deleted1 OR d.stage1 NOT IN ${OPEN}) AND (d.open0 OR d.created))
    )
    SELECT count(*) FILTER (WHERE in0)::int AS start_count, coalesce(sum(v0) FILTER (WHERE in0), 0)::text AS start_value,
           count(*) FILTER (WHERE in1)::int AS end_count, coalesce(sum(v1) FILTER (WHERE in1), 0)::text AS end_value,
           count(*) FILTER (WHERE in0 AND v1 <> v0)::int AS value_changed_count,
           coalesce(sum(v1 - v0) FILTER (WHERE in0), 0)::text AS value_changed_value,
           ${Prisma.join(
             (["created", "pulled_in"] as const).map(
               (step) => Prisma.sql`count(*) FILTER (WHERE inflow = ${step})::int AS ${Prisma.raw(`${step}_count`)},
                 coalesce(sum(v1) FILTER (WHERE inflow = ${step}), 0)::text AS ${Prisma.raw(`${step}_value`)}`,
             ),
             ", ",
           )},
           ${Prisma.join(
             (["pushed_out", "won", "lost", "deleted"] as const).map(
               (step) => Prisma.sql`count(*) FILTER (WHERE outflow = ${step})::int AS ${Prisma.raw(`${step}_count`)},
                 coalesce(sum(v1) FILTER (WHERE outflow = ${step}), 0)::text AS ${Prisma.raw(`${step}_value`)}`,
             ),
             ", ",
           )}
    FROM p`);
  return row!;
}
