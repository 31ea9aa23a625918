import type { Scope } from "@/lib/scope";
import { Prisma } from "@/lib/db";
import type { ExportColumn } from "@/lib/exports";
import { orderBySql, visibleSql } from "./filters";
import { baseWeightedCentsSql } from "./rules-sql";
import type { ExportOpportunitiesQuery } from "./schemas";

/** The export's columns, in order; `EXPORT_SELECT` gives each one's value as text (exact decimals, ISO dates). */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: "id", kind: "text", width: 38 },
  { header: "name", kind: "text", width: 32 },
  { header: "client", kind: "text", width: 24 },
  { header: "owner_email", kind: "text", width: 28 },
  { header: "owner_name", kind: "text", width: 20 },
  { header: "stage", kind: "text", width: 13 },
  { header: "estimated_value", kind: "money", width: 15 },
  { header: "currency", kind: "text", width: 9 },
  { header: "probability", kind: "percent", width: 11 },
  { header: "base_value", kind: "money", width: 15 },
  { header: "base_weighted_value", kind: "money", width: 18 },
  { header: "base_currency", kind: "text", width: 13 },
  { header: "expected_close_date", kind: "date", width: 18 },
  { header: "actual_close_date", kind: "date", width: 17 },
  { header: "loss_reason", kind: "text", width: 24 },
  { header: "description", kind: "text", width: 40 },
  { header: "created_at", kind: "instant", width: 24 },
  { header: "updated_at", kind: "instant", width: 24 },
];

const EXPORT_SELECT = Prisma.sql`
  o.id::text, o.name, c.name, u.email, u.name, o.stage::text, o.estimated_value::text, o.currency, o.probability::text,
  o.base_value::text, (${baseWeightedCentsSql} / 100)::numeric(22, 2)::text, t.base_currency,
  o.expected_close_date::text, o.actual_close_date::text, o.loss_reason, o.description,
  to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  to_char(o.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Every deal the caller may see under the list's filters, in the list's order, one row per `EXPORT_COLUMNS`. */
export function opportunityExportSql(scope: Scope, query: ExportOpportunitiesQuery, today: string): Prisma.Sql {
  return Prisma.sql`
    SELECT ${EXPORT_SELECT}
    FROM opportunities o JOIN clients c ON c.id = o.client_id JOIN users u ON u.id = o.assigned_to JOIN tenants t ON t.id = o.tenant_id
    WHERE ${visibleSql(scope, query, today)}
    ORDER BY ${orderBySql(query.sort)}`;
}
