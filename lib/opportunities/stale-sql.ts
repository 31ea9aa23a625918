import { Prisma } from "@/lib/db";
import { openStageSql } from "./rules-sql";

/**
 * The SQL twins of stale.ts over a deal `o` joined to its stage's settings `ss` (LEFT JOIN pipeline_stage_settings
 * ss ON ss.tenant_id = o.tenant_id AND ss.stage = o.stage): plain reads of the deal's row, no subquery per deal.
 */

export const STAGE_SETTINGS_JOIN = Prisma.sql`LEFT JOIN pipeline_stage_settings ss ON ss.tenant_id = o.tenant_id AND ss.stage = o.stage`;

/** The stage's threshold in days: the auto value when on auto, else the fixed one; NULL when off. */
export const staleAfterDaysSql = Prisma.sql`(CASE WHEN ss.stale_auto THEN ss.auto_stale_days ELSE ss.stale_after_days END)`;

export function daysInStageSql(now: Date): Prisma.Sql {
  return Prisma.sql`floor(extract(epoch FROM (${now}::timestamptz - o.stage_entered_at)) / 86400)::int`;
}

export function isStaleSql(now: Date): Prisma.Sql {
  const threshold = staleAfterDaysSql;
  return Prisma.sql`coalesce(${openStageSql}
    AND ${daysInStageSql(now)} > ${threshold}
    AND (o.last_activity_at IS NULL OR o.last_activity_at <= ${now}::timestamptz - make_interval(days => ${threshold}))
    AND (o.next_activity_due_at IS NULL OR o.next_activity_due_at < ${now}::timestamptz), false)`;
}
