import { Prisma } from "@/lib/db";
import { forecastCategorySql } from "./forecast-category-sql";
import { overdueSql } from "./rules-sql";
import { daysInStageSql, isStaleSql } from "./stale-sql";

/** An instant as the API writes it (`Date.toISOString`): UTC with milliseconds. */
export const isoInstantSql = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Text as a JSON string, escaped by PostgreSQL; NULL stays NULL. */
const jsonString = (text: Prisma.Sql) => Prisma.sql`to_json((${text})::text)::text`;

/** `,"key":value` when the JSON text `value` is not NULL, else nothing. */
const optionalKey = (key: string, value: Prisma.Sql) => Prisma.sql`coalesce(${Prisma.raw(`',"${key}":'`)} || ${value}, '')`;

/**
 * The SQL twin of `toBoardCard`: the card of deal `o` (client `c`, next activity `na`, stage settings `ss`, and
 * `tenant` with the tenant's `base_currency`) as JSON text, built by PostgreSQL so the board answers without parsing
 * rows or serializing objects. It is concatenated rather than made by json_build_object, whose text
 * (`"key" : value, `) only json_strip_nulls made compact, by parsing each card again (the cost is in
 * docs/performance.md, "The board with activities"). Free text goes through `jsonString`; every other part is a uuid,
 * a scale-2 numeric, an integer, an ISO day or instant or an enum label, valid JSON as written, and every column read
 * without a guard is NOT NULL. A key with nothing to tell is left out: `currency` in the base currency, `base_value`
 * equal to `value`, `overdue` when not, and a missing forecast category (closed deal), next step or stale days.
 */
export function boardCardJsonSql(today: string, now: Date): Prisma.Sql {
  const nextStep = Prisma.sql`'{"t":"' || na.type || '","s":' || ${jsonString(Prisma.sql`na.subject`)}
    || ${optionalKey("d", Prisma.sql`'"' || ${isoInstantSql(Prisma.sql`na.due_at`)} || '"'`)} || '}'`;
  return Prisma.sql`'{"id":"' || o.id || '","name":' || ${jsonString(Prisma.sql`o.name`)}
    || ',"client_name":' || ${jsonString(Prisma.sql`c.name`)} || ',"owner_id":"' || o.assigned_to
    || '","value":"' || o.estimated_value || '","probability":"' || o.probability
    || '","close_date":"' || to_char(coalesce(o.actual_close_date, o.expected_close_date), 'YYYY-MM-DD') || '","version":' || o.version
    || ${optionalKey("currency", Prisma.sql`CASE WHEN o.currency <> tenant.base_currency THEN ${jsonString(Prisma.sql`o.currency`)} END`)}
    || ${optionalKey("base_value", Prisma.sql`CASE WHEN o.base_value <> o.estimated_value THEN '"' || o.base_value || '"' END`)}
    || CASE WHEN ${overdueSql(today)} THEN ',"overdue":true' ELSE '' END
    || ${optionalKey("fc", jsonString(forecastCategorySql))}
    || ${optionalKey("nx", Prisma.sql`CASE WHEN na.id IS NOT NULL THEN ${nextStep} END`)}
    || ${optionalKey("st", Prisma.sql`CASE WHEN ${isStaleSql(now)} THEN ${daysInStageSql(now)} END`)}
    || '}'`;
}
