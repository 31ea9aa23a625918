import { inngest, isInngestConfigured } from "./inngest-client";
import { notificationEmailRequested, weeklySummaryRequested } from "./events";
import type { Clock } from "@/lib/clock";
import { deliverNotificationEmails } from "@/lib/email";
import { logger } from "@/lib/log";
import { chunks } from "./pages";

/** What became of the emails a check asked for: handed to Inngest (queued), or delivered inline. */
export type EmailTotals = { queued: number; sent: number; failed: number; skipped: number };

export const noEmails = (): EmailTotals => ({ queued: 0, sent: 0, failed: 0, skipped: 0 });

export function addEmailTotals(into: EmailTotals, more: EmailTotals): EmailTotals {
  into.queued += more.queued;
  into.sent += more.sent;
  into.failed += more.failed;
  into.skipped += more.skipped;
  return into;
}

/** Inngest's event API takes batches; 500 small events stay far below its request size limit. */
const EVENT_BATCH = 500;

/**
 * Emails these (just created) notifications. With Inngest configured, one `app/notification.email.requested`
 * event per notification — its id makes a re-sent event a no-op — and the send-notification-email function
 * delivers each with retries. Without Inngest, or when Inngest cannot be reached, they are delivered inline.
 */
export async function requestNotificationEmails(notificationIds: string[], options: { clock?: Clock } = {}): Promise<EmailTotals> {
  if (notificationIds.length === 0) return noEmails();
  if (isInngestConfigured()) {
    let queued = 0;
    try {
      for (const batch of chunks(notificationIds, EVENT_BATCH)) {
        await inngest.send(
          batch.map((notificationId) =>
            notificationEmailRequested.create({ notificationId }, { id: `notification-email/${notificationId}` }),
          ),
        );
        queued += batch.length;
      }
      return { ...noEmails(), queued };
    } catch (error) {
      logger.warn({ err: error, queued }, "jobs: could not queue notification emails with Inngest; delivering them inline");
      const delivered = await deliverNotificationEmails(notificationIds.slice(queued), { clock: options.clock });
      return { queued, ...delivered };
    }
  }
  return { queued: 0, ...(await deliverNotificationEmails(notificationIds, { clock: options.clock })) };
}

/** Names one user's summary of one week: the id of its event and the idempotency key of its email. */
export const weeklySummaryEmailKey = (userId: string, weekStart: string) => `weekly-summary/${userId}/${weekStart}`;

/** One `app/weekly-summary.requested` event per user; the event id makes a re-run within a day a no-op. */
export async function queueWeeklySummaries(userIds: string[], weekStart: string): Promise<void> {
  for (const batch of chunks(userIds, EVENT_BATCH)) {
    await inngest.send(
      batch.map((userId) => weeklySummaryRequested.create({ userId, weekStart }, { id: weeklySummaryEmailKey(userId, weekStart) })),
    );
  }
}
