import { Prisma, queryRows } from "@/lib/db";
import { OPEN_STAGES, ownerVisibleSql } from "@/lib/opportunities";
import type { Scope } from "@/lib/scope";
import { windowBounds } from "./window-bounds";
import type { WATERFALL_STEPS, WindowQuery } from "./schemas";
import { dealsChangedSinceSql, versionsAtSql } from "./state-sql";

type Step = "start" | "end" | (typeof WATERFALL_STEPS)[number];
export type WaterfallRow = Record<`${Step}_count`, number> & Record<`${Step}_value`, string>;

const OPEN = Prisma.raw(`(${OPEN_STAGES.map((stage) => `'${stage}'`).join(",")})`);

/**
 * The pipeline due by `to` (open live deals with an expected close date on or before `to`) at the start of `from`
 * and at the end of `to`, each deal of either state (or closed/deleted in the window) put in exactly one inflow and
 * one outflow, valued at the end: start + inflows − outflows + value changes = end holds deal by deal. Deals are the
 * caller's by their owner now.
 *
 * Only the deals changed or created since `from` can differ between the two states; every other deal stood at both
 * as it stands now, so it counts in start and end alike and in no flow: together they are the pipeline due now less
 * the changed deals' part of it.
 */
export async function waterfall(scope: Scope, query: WindowQuery): Promise<WaterfallRow> {
  const { start, end } = windowBounds(query.from, query.to);
  const visible = (owner: Prisma.Sql) => ownerVisibleSql(scope, owner, query.assigned_to);
  const [row] = await queryRows<WaterfallRow>(Prisma.sql`
    WITH due_now AS (
      SELECT count(*)::int AS n, coalesce(sum(o.base_value), 0) AS v FROM opportunities o
      WHERE o.tenant_id = ${scope.tenantId}::uuid AND o.is_deleted = false AND o.stage IN ${OPEN}
        AND o.expected_close_date <= ${query.to}::date AND ${visible(Prisma.sql`o.assigned_to`)}
    ),
    c AS MATERIALIZED (
      SELECT ch.*, (NOT ch.now_is_deleted AND ch.now_stage IN ${OPEN} AND ch.now_expected_close_date <= ${query.to}::date
                    AND ${visible(Prisma.sql`ch.now_assigned_to`)}) AS due_now
      FROM (${dealsChangedSinceSql(scope.tenantId, start)}) AS ch
    ),
    s1 AS (
      SELECT c.*,
             CASE WHEN v1.opportunity_id IS NULL THEN c.now_stage ELSE v1.stage::text END AS stage1,
             CASE WHEN v1.opportunity_id IS NULL THEN c.now_base_value ELSE v1.base_value END AS v1,
             CASE WHEN v1.opportunity_id IS NULL THEN c.now_expected_close_date ELSE v1.expected_close_date END AS close1,
             CASE WHEN v1.opportunity_id IS NULL THEN c.now_is_deleted ELSE v1.is_deleted END AS deleted1
      FROM c LEFT JOIN (${versionsAtSql(scope.tenantId, end)}) AS v1 ON v1.opportunity_id = c.id
      WHERE c.created_at < ${end}::timestamptz AND ${visible(Prisma.sql`c.now_assigned_to`)}
    ),
    unchanged AS (
      SELECT due_now.n - count(c.id)::int AS n, due_now.v - coalesce(sum(c.now_base_value), 0) AS v
      FROM due_now LEFT JOIN c ON c.due_now
      GROUP BY due_now.n, due_now.v
    ),
    d AS (
      SELECT s1.v1, s1.base_value AS v0,
             NOT s1.existed AS created,
             (s1.existed AND NOT s1.is_deleted AND s1.stage IN ${OPEN}) AS open0,
             (s1.existed AND NOT s1.is_deleted AND s1.stage IN ${OPEN} AND s1.expected_close_date <= ${query.to}::date) AS in0,
             (NOT s1.deleted1 AND s1.stage1 IN ${OPEN} AND s1.close1 <= ${query.to}::date) AS in1,
             s1.deleted1, s1.stage1
      FROM s1
    ),
    p AS (
      SELECT d.*,
             CASE WHEN d.in0 THEN NULL WHEN d.created THEN 'created' ELSE 'pulled_in' END AS inflow,
             CASE WHEN d.in1 THEN NULL WHEN d.deleted1 THEN 'deleted' WHEN d.stage1 = 'CLOSED_WON' THEN 'won'
                  WHEN d.stage1 = 'CLOSED_LOST' THEN 'lost' ELSE 'pushed_out' END AS outflow
      FROM d
      WHERE d.in0 OR d.in1 OR ((d.deleted1 OR d.stage1 NOT IN ${OPEN}) AND (d.open0 OR d.created))
    )
    SELECT (SELECT n FROM unchanged) + count(*) FILTER (WHERE in0)::int AS start_count,
           ((SELECT v FROM unchanged) + coalesce(sum(v0) FILTER (WHERE in0), 0))::text AS start_value,
           (SELECT n FROM unchanged) + count(*) FILTER (WHERE in1)::int AS end_count,
           ((SELECT v FROM unchanged) + coalesce(sum(v1) FILTER (WHERE in1), 0))::text AS end_value,
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
