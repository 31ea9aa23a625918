import { Prisma } from "@/lib/db";
import { forecastCategorySql } from "./forecast-category-sql";
import { overdueSql } from "./rules-sql";
import { daysInStageSql, isStaleSql } from "./stale-sql";

/** An instant as the API writes it (`Date.toISOString`): UTC with milliseconds. */
export const isoInstantSql = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The SQL twin of `toBoardCard`: the card of deal `o` (client `c`, next activity `na`, stage settings `ss`) as JSON
 * text, built by PostgreSQL so the board answers without parsing rows or serializing objects. Money columns have
 * scale 2, so `::text` is the API's form. Nulls are stripped: only the next step (and its due time), the stale days and
 * a closed deal's forecast category can be null, and a card without them carries no bytes for them.
 */
export function boardCardJsonSql(today: string, now: Date): Prisma.Sql {
  return Prisma.sql`json_strip_nulls(json_build_object(
    'id', o.id, 'name', o.name, 'client_name', c.name, 'owner_id', o.assigned_to,
    'value', o.estimated_value::text, 'currency', o.currency, 'base_value', o.base_value::text,
    'probability', o.probability::text, 'close_date', coalesce(o.actual_close_date, o.expected_close_date),
    'overdue', ${overdueSql(today)}, 'fc', ${forecastCategorySql}, 'version', o.version,
    'nx', CASE WHEN na.id IS NULL THEN NULL ELSE json_build_object('t', na.type, 's', na.subject, 'd', ${isoInstantSql(Prisma.sql`na.due_at`)}) END,
    'st', CASE WHEN ${isStaleSql(now)} THEN ${daysInStageSql(now)} END))::text`;
}
