import { systemClock, type Clock } from "@/lib/clock";
import { logger } from "@/lib/log";
import { isCritical } from "@/lib/notification-preferences";
import { vapidConfig, type VapidConfig } from "./config";
import { claimDuePushes, deleteSubscription, recordFailure, recordSent, recordSkipped, type ClaimedPush } from "./delivery-repository";
import { pushMessage } from "./message";
import { nextPushAttemptAt, PUSH_LEASE_MS } from "./retry-policy";
import { sendPushMessage, type PushTransport } from "./sender";

export type PushTotals = { sent: number; failed: number; expired: number; skipped: number };

/** Pushes in flight at once per worker. */
const CONCURRENCY = 8;
const BATCH = 100;

/**
 * Sends every due push (first tries and retries), in batches claimed with a lease, until none is due. Safe to run
 * in many processes at once. Nothing happens while push is not set up (the queue then stays as it is). The relay
 * and the `send-push` job call this.
 */
export async function sendDuePush(
  options: { clock?: Clock; batchSize?: number; maxBatches?: number; transport?: PushTransport } = {},
): Promise<PushTotals> {
  const clock = options.clock ?? systemClock;
  const totals: PushTotals = { sent: 0, failed: 0, expired: 0, skipped: 0 };
  const vapid = vapidConfig();
  if (!vapid) return totals;
  for (let batch = 0; batch < (options.maxBatches ?? 1_000); batch++) {
    const now = clock();
    const claimed = await claimDuePushes(now, new Date(now.getTime() + PUSH_LEASE_MS), options.batchSize ?? BATCH);
    if (claimed.length === 0) break;
    const queue = [...claimed];
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await sendOne(next, vapid, clock, totals, options.transport);
      }),
    );
  }
  return totals;
}

async function sendOne(push: ClaimedPush, vapid: VapidConfig, clock: Clock, totals: PushTotals, transport?: PushTransport) {
  try {
    if (push.stale) {
      await recordSkipped(push);
      totals.skipped += 1;
      return;
    }
    const outcome = await sendPushMessage(push, pushMessage({ ...push, id: push.notificationId }), {
      vapid,
      urgent: isCritical(push),
      transport,
    });
    if (outcome.ok) {
      await recordSent(push, clock());
      totals.sent += 1;
    } else if (outcome.gone) {
      await deleteSubscription(push.subscriptionId);
      totals.expired += 1;
    } else {
      await recordFailure(push, outcome.error, nextPushAttemptAt(push.attempts, clock()));
      totals.failed += 1;
    }
  } catch (error) {
    // The lease runs out and a later run tries again.
    totals.failed += 1;
    logger.error({ err: error, pushId: push.id }, "push: could not send or record a try");
  }
}
