import { initials } from "@/lib/users/browser";
import { isOverdue } from "./rules";
import type { BoardCardOut, BoardOwnerOut, OpportunityOut } from "./schemas";

/**
 * A deal as its board card: what the card shows and a move needs, each key only when it tells something. SQL builds
 * the same JSON for the board (`boardCardJsonSql`); the browser uses this one for the deal a move answers with.
 */
export function toBoardCard(deal: OpportunityOut, today: string): BoardCardOut {
  return {
    id: deal.id,
    name: deal.name,
    client_name: deal.client.name,
    owner_id: deal.assigned_to,
    value: deal.estimated_value,
    probability: deal.probability,
    close_date: deal.actual_close_date ?? deal.expected_close_date,
    version: deal.version,
    ...(deal.currency !== deal.base_currency ? { currency: deal.currency } : {}),
    ...(deal.base_value !== deal.estimated_value ? { base_value: deal.base_value } : {}),
    ...(isOverdue(deal.stage, deal.expected_close_date, today) ? { overdue: true as const } : {}),
    ...(deal.forecast_category ? { fc: deal.forecast_category } : {}),
    ...(deal.next_activity ? { nx: nextStep(deal.next_activity) } : {}),
    ...(deal.is_stale ? { st: deal.days_in_stage } : {}),
  };
}

/** The card's currency: its own, which it carries only when it is not the board's base currency. */
export const cardCurrency = (card: BoardCardOut, baseCurrency: string): string => card.currency ?? baseCurrency;

/** The card's value in the base currency, which it carries only when it differs from `value`. */
export const cardBaseValue = (card: BoardCardOut): string => card.base_value ?? card.value;

/** The compact next step of a card; keys with no value are left out, as the SQL twin strips its nulls. */
function nextStep(activity: NonNullable<OpportunityOut["next_activity"]>): NonNullable<BoardCardOut["nx"]> {
  return { t: activity.type, s: activity.subject, ...(activity.due_at ? { d: activity.due_at } : {}) };
}

export function boardOwner(user: { id: string; name: string }): BoardOwnerOut {
  return { id: user.id, name: user.name, initials: initials(user.name) };
}
