import type { ActivityRow } from "./rows";
import { isActivityOverdue } from "./rules";
import type { ActivityOut } from "./schemas";

export function serializeActivity(row: ActivityRow, now: Date): ActivityOut {
  return {
    id: row.id,
    opportunity_id: row.opportunityId,
    opportunity: row.opportunity ? { id: row.opportunity.id, name: row.opportunity.name } : null,
    client_id: row.clientId,
    client: row.client ? { id: row.client.id, name: row.client.name } : null,
    type: row.type,
    subject: row.subject,
    note: row.note,
    due_at: row.dueAt?.toISOString() ?? null,
    done_at: row.doneAt?.toISOString() ?? null,
    is_overdue: isActivityOverdue(row, now),
    assigned_to: row.assignedTo,
    assigned_user: { id: row.assignedUser.id, name: row.assignedUser.name },
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
