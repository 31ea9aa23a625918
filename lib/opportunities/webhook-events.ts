import type { Clock } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import { publishBoardChange } from "@/lib/notifications";
import type { Scope } from "@/lib/scope";
import { recordWebhookEvents, type WebhookEvent } from "@/lib/webhook-events";
import type { OpportunityRow } from "./rows";
import { serializeOpportunity } from "./serialize";

/** Fields whose change is bookkeeping, not news: the version, the update time and the card's place on the board. */
const unchanged = (a: ReturnType<typeof serializeOpportunity>, b: ReturnType<typeof serializeOpportunity>) => {
  const strip = ({ version: _v, updated_at: _u, days_in_stage: _d, ...rest }: typeof a) => JSON.stringify(rest);
  return strip(a) === strip(b);
};

/**
 * The webhook events of one write of a deal: created (no before); deleted (no after); otherwise updated when a
 * field of the contract changed, stage_changed when the stage did, and won or lost when it closed that way.
 */
export function dealWebhookEvents(before: OpportunityRow | null, after: OpportunityRow | null, now: Date): WebhookEvent[] {
  if (!after) return before ? [{ type: "opportunity.deleted", data: serializeOpportunity(before, now) }] : [];
  const data = serializeOpportunity(after, now);
  if (!before) return [{ type: "opportunity.created", data }];
  const events: WebhookEvent[] = [];
  if (!unchanged(serializeOpportunity(before, now), data)) events.push({ type: "opportunity.updated", data });
  if (before.stage !== after.stage) {
    events.push({ type: "opportunity.stage_changed", data: { ...data, previous_stage: before.stage } });
    if (after.stage === "CLOSED_WON") events.push({ type: "opportunity.won", data });
    if (after.stage === "CLOSED_LOST") events.push({ type: "opportunity.lost", data });
  }
  return events;
}

/**
 * What every write of a deal announces inside its transaction (so it commits or rolls back with the write): the
 * board change for open boards and the webhook events for the company's webhooks.
 */
export async function announceInTransaction(
  tx: Tx,
  scope: Scope,
  before: OpportunityRow | null,
  after: OpportunityRow | null,
  clock: Clock,
): Promise<void> {
  const deal = (after ?? before)!;
  await publishBoardChange(
    {
      tenantId: scope.tenantId,
      opportunityId: deal.id,
      ownerIds: [...new Set([before?.assignedTo, after?.assignedTo].filter((id): id is string => Boolean(id)))],
      stages: [...new Set([before?.stage, after?.stage].filter((stage): stage is NonNullable<typeof stage> => Boolean(stage)))],
      actorId: scope.userId,
    },
    tx,
  );
  const now = clock();
  await recordWebhookEvents(
    dealWebhookEvents(before, after, now).map((event) => ({ ...event, tenantId: scope.tenantId })),
    now,
    tx,
  );
}
