import { systemClock, type Clock } from "@/lib/clock";
import { logger } from "@/lib/log";
import { createNotifications } from "@/lib/notifications";
import { activeAdmins, claimDueDeliveries, endpointUrl, recordTry, type ClaimedDelivery } from "./delivery-repository";
import { DELIVERY_LEASE_MS, DISABLE_AFTER_FAILURES, nextWebhookAttemptAt } from "./retry-policy";
import { postWebhook } from "./sender";

export type WebhookDeliveryTotals = { succeeded: number; failed: number; disabled: number };

/** Tries in flight at once per worker. */
const CONCURRENCY = 8;
const BATCH = 100;

/** The `webhook-id` of a delivery: the same on every try, so a receiver can drop a repeat. */
export const messageId = (deliveryId: string) => `msg_${deliveryId}`;

/**
 * Delivers every due delivery (first tries and retries), in batches claimed with a lease, until none is due.
 * Safe to run in many processes at once: a try is claimed by one worker only. The relay and the
 * `deliver-webhooks` job call this.
 */
export async function deliverDueWebhooks(options: { clock?: Clock; maxBatches?: number } = {}): Promise<WebhookDeliveryTotals> {
  const clock = options.clock ?? systemClock;
  const totals: WebhookDeliveryTotals = { succeeded: 0, failed: 0, disabled: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const now = clock();
    const claimed = await claimDueDeliveries(now, new Date(now.getTime() + DELIVERY_LEASE_MS), BATCH);
    if (claimed.length === 0) break;
    const queue = [...claimed];
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await deliverOne(next, clock, totals);
      }),
    );
  }
  return totals;
}

async function deliverOne(delivery: ClaimedDelivery, clock: Clock, totals: WebhookDeliveryTotals): Promise<void> {
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
  } catch (error) {
    // The lease runs out and another run tries again.
    totals.failed += 1;
    logger.error({ err: error, deliveryId: delivery.id }, "webhooks: could not deliver or record a try");
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
