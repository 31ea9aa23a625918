import { Prisma, queryRows } from "@/lib/db";
import { getOpportunityById } from "@/lib/opportunities";
import type { Scope } from "@/lib/scope";
import type { CHANGE_FIELDS } from "./schemas";

export type ChangeRow = {
  id: string;
  field: (typeof CHANGE_FIELDS)[number];
  old_value: string | null;
  new_value: string | null;
  changed_by_id: string | null;
  changed_by_name: string | null;
  changed_at: Date;
};

/** The change log of a deal the caller may see (404 otherwise), oldest first. */
export async function getOpportunityChanges(scope: Scope, id: string): Promise<ChangeRow[]> {
  await getOpportunityById(scope, id);
  return queryRows<ChangeRow>(Prisma.sql`
    SELECT c.id::text, c.field, c.old_value, c.new_value, u.id AS changed_by_id, u.name AS changed_by_name, c.changed_at
    FROM opportunity_changes c LEFT JOIN users u ON u.id = c.changed_by
    WHERE c.tenant_id = ${scope.tenantId}::uuid AND c.opportunity_id = ${id}::uuid
    ORDER BY c.changed_at, c.id`);
}
