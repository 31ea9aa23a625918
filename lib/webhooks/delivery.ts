import { systemClock, type Clock } from "@/lib/clock";
import { logger } from "@/lib/log";
import { createNotifications } from "@/lib/notifications";
import { activeAdmins, claimDueDeliveries, endpointUrl, recordTry, releaseClaims, type ClaimedDelivery } from "./delivery-repository";
import { DELIVERY_LEASE_MS, DISABLE_AFTER_FAILURES, nextWebhookAttemptAt } from "./retry-policy";
import { postWebhook } from "./sender";

export type WebhookDeliveryTotals = { succeeded: number; failed: number; disabled: number };

/** Endpoints served at once per worker (each endpoint's deliveries go one after another, oldest first). */
const CONCURRENCY = 8;
const BATCH = 100;

/** The `webhook-id` of a delivery: the same on every try, so a receiver can drop a repeat. */
export const messageId = (deliveryId: string) => `msg_${deliveryId}`;

/**
 * Delivers every due delivery (first tries and retries), in batches claimed with a lease, until none is due.
 * Safe to run in many processes at once: a try is claimed by one worker only. The relay and the
 * `deliver-webhooks` job call this.
 */
export async function deliverDueWebhooks(
  options: { clock?: Clock; maxBatches?: number; batchSize?: number } = {},
): Promise<WebhookDeliveryTotals> {
  const clock = options.clock ?? systemClock;
  const totals: WebhookDeliveryTotals = { succeeded: 0, failed: 0, disabled: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 1_000); batch++) {
    const now = clock();
    const claimed = await claimDueDeliveries(now, new Date(now.getTime() + DELIVERY_LEASE_MS), options.batchSize ?? BATCH);
    if (claimed.length === 0) break;
    const byEndpoint = groupByEndpoint(claimed);
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, byEndpoint.length) }, async () => {
        for (let next = byEndpoint.shift(); next; next = byEndpoint.shift()) await deliverInOrder(next, clock, totals);
      }),
    );
  }
  return totals;
}

/** Claimed deliveries per endpoint, each list oldest first. */
function groupByEndpoint(claimed: ClaimedDelivery[]): ClaimedDelivery[][] {
  const groups = new Map<string, ClaimedDelivery[]>();
  for (const delivery of [...claimed].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id)))
    groups.set(delivery.endpoint_id, [...(groups.get(delivery.endpoint_id) ?? []), delivery]);
  return [...groups.values()];
}

/** One endpoint's claimed deliveries, one after another; once a failure turns it off, the rest are given back. */
async function deliverInOrder(deliveries: ClaimedDelivery[], clock: Clock, totals: WebhookDeliveryTotals): Promise<void> {
  for (const [index, delivery] of deliveries.entries()) {
    if (await deliverOne(delivery, clock, totals)) {
      await releaseClaims(
        deliveries.slice(index + 1).map((d) => d.id),
        clock(),
      );
      return;
    }
  }
}

/** Makes one try and records it; true when this try turned the endpoint off. */
async function deliverOne(delivery: ClaimedDelivery, clock: Clock, totals: WebhookDeliveryTotals): Promise<boolean> {
  try {
    const attemptedAt = clock();
    const outcome = await postWebhook(delivery.url, {
      id: messageId(delivery.id),
      timestamp: attemptedAt,
      body: delivery.body,
      secret: delivery.secret,
    });
    const disabled = await recordTry({
      deliveryId: delivery.id,
      endpointId: delivery.endpoint_id,
      attemptedAt,
      ...outcome,
      nextAttemptAt: outcome.ok ? null : nextWebhookAttemptAt(delivery.attempts, clock()),
    });
    totals[outcome.ok ? "succeeded" : "failed"] += 1;
    if (disabled) {
      totals.disabled += 1;
      await notifyAdminsOfDisabled(delivery.tenant_id, delivery.endpoint_id, attemptedAt);
    }
    return disabled;
  } catch (error) {
    // The lease runs out and another run tries again.
    totals.failed += 1;
    logger.error({ err: error, deliveryId: delivery.id }, "webhooks: could not deliver or record a try");
    return false;
  }
}

async function notifyAdminsOfDisabled(tenantId: string, endpointId: string, at: Date): Promise<void> {
  const url = (await endpointUrl(endpointId)) ?? "a webhook";
  const admins = await activeAdmins(tenantId);
  await createNotifications(
    admins.map((userId) => ({
      tenantId,
      userId,
      title: "Webhook turned off",
      message: `${url} failed ${DISABLE_AFTER_FAILURES} times in a row, so OnQuota stopped sending to it. Fix the receiver, then turn the webhook on again.`,
      type: "ERROR" as const,
      category: "SYSTEM" as const,
      actionUrl: "/settings/webhooks",
      actionLabel: "Open webhooks",
      relatedEntityType: "webhook",
      relatedEntityId: endpointId,
      dedupeKey: `webhook-disabled:${endpointId}:${at.getTime()}`,
    })),
  );
}
