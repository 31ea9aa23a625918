import { systemClock, type Clock } from "@/lib/clock";
import { logger } from "@/lib/log";
import { updateEmailStatus } from "@/lib/notifications";
import { emailDecisions, type EmailDecision } from "@/lib/notification-preferences";
import { mapPool } from "./pool";
import { claimDueRetries, notificationsToEmail, type NotificationToEmail } from "./repository";
import { MAX_EMAIL_ATTEMPTS, nextAttemptAt, RETRY_LEASE_MS } from "./retry-policy";
import { sendNotificationEmail, SEND_CONCURRENCY } from "./service";

export type DeliveryTotals = { sent: number; failed: number; skipped: number };

export type DeliverOptions = {
  clock?: Clock;
  /** Throw when every email attempted failed (none sent), so a job runner such as Inngest retries the call. */
  throwOnFailure?: boolean;
};

export class EmailDeliveryError extends Error {
  constructor(readonly totals: DeliveryTotals) {
    super(`No notification email could be sent (${totals.failed} failed).`);
    this.name = "EmailDeliveryError";
  }
}

/** Resend's idempotency key (and the outbox's) for a notification's email: a retry never sends it twice. */
export const notificationEmailKey = (notificationId: string) => `notification-email/${notificationId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Outcome = keyof DeliveryTotals;

/**
 * Emails these notifications to their recipients and records each outcome on the notification. Skipped: unknown
 * or deleted notifications, ones already emailed (so calling twice is safe), inactive recipients, categories
 * the recipient turned off or gets as a daily digest (the row then shows nothing sent and no error), and
 * emails due in the recipient's quiet hours (their next attempt is set to when those end). A failure keeps the notification,
 * records the error, counts the attempt and schedules the next one with exponential backoff.
 */
export async function deliverNotificationEmails(notificationIds: string[], options: DeliverOptions = {}): Promise<DeliveryTotals> {
  const clock = options.clock ?? systemClock;
  const requested = [...new Set(notificationIds)];
  const ids = requested.filter((id) => UUID.test(id));
  const rows = ids.length > 0 ? await notificationsToEmail(ids) : [];
  const totals: DeliveryTotals = { sent: 0, failed: 0, skipped: requested.length - rows.length };
  const decisions = await emailDecisions(
    rows.map((row) => ({ id: row.id, userId: row.user.id, category: row.category, type: row.type, critical: row.critical })),
    clock(),
  );
  for (const outcome of await mapPool(rows, SEND_CONCURRENCY, (row) => deliverOne(row, decisions.get(row.id)!, clock))) totals[outcome]++;
  if (options.throwOnFailure && totals.failed > 0 && totals.sent === 0) throw new EmailDeliveryError(totals);
  return totals;
}

async function deliverOne(row: NotificationToEmail, decision: EmailDecision, clock: Clock): Promise<Outcome> {
  try {
    if (row.emailSent) return "skipped";
    if (decision.kind === "wait" && !row.isDeleted && row.user.isActive) {
      await updateEmailStatus(row.id, { sent: false, waitUntil: decision.until }, clock);
      return "skipped";
    }
    if (row.isDeleted || !row.user.isActive || decision.kind !== "send") {
      if (row.emailError !== null || row.emailNextAttemptAt !== null)
        await updateEmailStatus(row.id, { sent: false, skipped: true }, clock);
      return "skipped";
    }
    const result = await sendNotificationEmail(
      { recipient: row.user, notification: row, idempotencyKey: notificationEmailKey(row.id) },
      { clock },
    );
    if (result.ok) {
      await updateEmailStatus(row.id, { sent: true }, clock);
      return "sent";
    }
    await updateEmailStatus(
      row.id,
      { sent: false, error: result.error, nextAttemptAt: nextAttemptAt(row.emailAttempts + 1, clock()) },
      clock,
    );
    return "failed";
  } catch (error) {
    logger.error({ err: error, notificationId: row.id }, "email: could not deliver a notification email");
    return "failed";
  }
}

/**
 * Sends again the notification emails that failed and whose next attempt is due (at most `MAX_EMAIL_ATTEMPTS`
 * attempts each, `limit` per call, oldest due first). The scheduled job runner calls this.
 */
export async function retryDueEmails(options: { clock?: Clock; limit?: number } = {}): Promise<DeliveryTotals> {
  const clock = options.clock ?? systemClock;
  const now = clock();
  const ids = await claimDueRetries(now, new Date(now.getTime() + RETRY_LEASE_MS), options.limit ?? 100, MAX_EMAIL_ATTEMPTS);
  return deliverNotificationEmails(ids, { clock });
}
