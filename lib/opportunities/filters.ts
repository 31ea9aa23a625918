import { ownedWhere, type Scope, seesWholeTenant } from "@/lib/scope";
import { Prisma } from "@/lib/db";
import { forecastCategoryIsSql } from "./forecast-category-sql";
import { overdueSql } from "./rules-sql";
import type { OpportunityFilters, SortField } from "./schemas";

/** The rows a caller may see (Prisma): same tenant, not deleted, and for a rep only their own. */
export function visibleWhere(scope: Scope): Prisma.OpportunityWhereInput {
  return { ...ownedWhere(scope, "assignedTo"), isDeleted: false };
}

/**
 * Whose deals the caller sees, as SQL over an owner column: a rep only their own; a manager everyone's, or only
 * `assignedTo`'s when asked (a rep asking for someone else's finds nothing). The tenant is the caller's query's.
 */
export function ownerVisibleSql(scope: Scope, owner: Prisma.Sql, assignedTo?: string): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (!seesWholeTenant(scope)) parts.push(Prisma.sql`${owner} = ${scope.userId}::uuid`);
  if (assignedTo) parts.push(Prisma.sql`${owner} = ${assignedTo}::uuid`);
  return Prisma.join(parts, " AND ");
}

/**
 * The same visibility as SQL over `opportunities o`, narrowed by the list/board filters. A rep's own-rows
 * condition is always ANDed with the filters, so `assigned_to=<someone else>` finds nothing. `overdue` needs
 * `today` (YYYY-MM-DD): true → overdue deals; false → all others.
 */
export function visibleSql(scope: Scope, filters: OpportunityFilters = {}, today?: string): Prisma.Sql {
  const parts = [
    Prisma.sql`o.tenant_id = ${scope.tenantId}::uuid`,
    Prisma.sql`o.is_deleted = false`,
    ownerVisibleSql(scope, Prisma.sql`o.assigned_to`, filters.assigned_to),
  ];
  if (filters.client_id) parts.push(Prisma.sql`o.client_id = ${filters.client_id}::uuid`);
  if (filters.stage) parts.push(Prisma.sql`o.stage = ${filters.stage}::opportunity_stage`);
  if (filters.forecast_category) parts.push(forecastCategoryIsSql(filters.forecast_category));
  if (filters.close_from) parts.push(Prisma.sql`coalesce(o.actual_close_date, o.expected_close_date) >= ${filters.close_from}::date`);
  if (filters.close_to) parts.push(Prisma.sql`coalesce(o.actual_close_date, o.expected_close_date) <= ${filters.close_to}::date`);
  if (filters.q) parts.push(Prisma.sql`o.name ILIKE ${`%${escapeLike(filters.q)}%`}`);
  if (filters.overdue !== undefined && today) {
    parts.push(filters.overdue ? overdueSql(today) : Prisma.sql`NOT ${overdueSql(today)}`);
  }
  return Prisma.join(parts, " AND ");
}

/** The search text matches literally: % and _ are not wildcards (backslash is LIKE's default escape). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const SORT_COLUMNS: Record<SortField, string> = {
  created_at: "o.created_at",
  expected_close_date: "o.expected_close_date",
  estimated_value: "o.estimated_value",
  name: "o.name",
  stage: "o.stage",
  probability: "o.probability",
};

/** `-field` sorts descending; the id breaks ties so pages never overlap. Only whitelisted columns reach SQL. */
export function orderBySql(sort: string): Prisma.Sql {
  const descending = sort.startsWith("-");
  const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as SortField];
  if (!column) throw new Error(`Unknown sort field: ${sort}`);
  return Prisma.raw(`${column} ${descending ? "DESC" : "ASC"}, o.id ASC`);
}
