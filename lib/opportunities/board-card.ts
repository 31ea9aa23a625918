import { initials } from "@/lib/users/browser";
import { isOverdue } from "./rules";
import type { BoardCardOut, BoardOwnerOut, OpportunityOut } from "./schemas";

/**
 * A deal as its board card: what the card shows and a move needs. SQL builds the same JSON for the board
 * (`boardCardJsonSql`); the browser uses this one for the deal a move answers with.
 */
export function toBoardCard(deal: OpportunityOut, today: string): BoardCardOut {
  return {
    id: deal.id,
    name: deal.name,
    client_name: deal.client.name,
    owner_id: deal.assigned_to,
    value: deal.estimated_value,
    currency: deal.currency,
    base_value: deal.base_value,
    probability: deal.probability,
    close_date: deal.actual_close_date ?? deal.expected_close_date,
    overdue: isOverdue(deal.stage, deal.expected_close_date, today),
    version: deal.version,
    nx: deal.next_activity ? { t: deal.next_activity.type, s: deal.next_activity.subject, d: deal.next_activity.due_at } : null,
    st: deal.is_stale ? deal.days_in_stage : null,
  };
}

export function boardOwner(user: { id: string; name: string }): BoardOwnerOut {
  return { id: user.id, name: user.name, initials: initials(user.name) };
}
