import type { Scope } from "@/lib/scope";
import { systemClock, toIsoDate, type Clock } from "@/lib/clock";
import { streamRows } from "@/lib/db";
import { EXPORT_COLUMNS, opportunityExportSql } from "./export-sql";
import type { ExportOpportunitiesQuery } from "./schemas";

/** Every deal the caller may see under the list's filters and order, as export columns and batches of rows. */
export function exportOpportunities(scope: Scope, query: ExportOpportunitiesQuery, clock: Clock = systemClock) {
  return { columns: EXPORT_COLUMNS, batches: streamRows(opportunityExportSql(scope, query, toIsoDate(clock()))) };
}
