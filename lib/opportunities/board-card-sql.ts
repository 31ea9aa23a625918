import { Prisma } from "@/lib/db";
import { overdueSql } from "./rules-sql";

/**
 * The SQL twin of `toBoardCard`: the card of deal `o` (client `c`) as JSON text, built by PostgreSQL so the board
 * answers without parsing rows or serializing objects. Money columns have scale 2, so `::text` is the API's form.
 */
export function boardCardJsonSql(today: string): Prisma.Sql {
  return Prisma.sql`json_build_object(
    'id', o.id, 'name', o.name, 'client_name', c.name, 'owner_id', o.assigned_to,
    'value', o.estimated_value::text, 'currency', o.currency, 'base_value', o.base_value::text,
    'probability', o.probability::text, 'close_date', coalesce(o.actual_close_date, o.expected_close_date),
    'overdue', ${overdueSql(today)}, 'version', o.version)::text`;
}
