import { systemClock, type Clock } from "@/lib/clock";
import { logger } from "@/lib/log";
import { updateEmailStatuses } from "@/lib/notifications";
import { emailDecisions } from "@/lib/notification-preferences";
import { chunksOf, groupBy } from "./pool";
import { claimDueRetries, notificationsToEmail, type NotificationToEmail } from "./repository";
import { MAX_EMAIL_ATTEMPTS, RETRY_LEASE_MS } from "./retry-policy";
import { sendInBatches, type Outcome } from "./send-batches";

export { notificationEmailKey } from "./send-batches";

export type DeliveryTotals = { sent: number; failed: number; skipped: number };

export type DeliverOptions = {
  clock?: Clock;
  /**
   * Throw when every email attempted failed (none sent), or with "any" when any failed, so that a job runner such
   * as Inngest retries the call (which skips the emails already sent).
   */
  throwOnFailure?: boolean | "any";
};

export class EmailDeliveryError extends Error {
  constructor(readonly totals: DeliveryTotals) {
    super(
      totals.sent === 0
        ? `No notification email could be sent (${totals.failed} failed).`
        : `${totals.failed} notification emails could not be sent (${totals.sent} sent).`,
    );
    this.name = "EmailDeliveryError";
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Notifications are read, rendered and recorded this many at a time, so memory stays flat for any number of ids. */
const PAGE_SIZE = 1_000;

/**
 * Emails these notifications to their recipients and records each outcome on the notification. Skipped: unknown
 * or deleted notifications, ones already emailed (so calling twice is safe), inactive recipients, categories
 * the recipient turned off or gets as a daily digest (the row then shows nothing sent and no error), and emails due
 * in the recipient's quiet hours (their next attempt is set to when those end). The others go out in batches of up
 * to 100 per provider call, each distinct content rendered once. A failure (of one email, or of the whole call it was in) keeps the
 * notification, records the error, counts the attempt and schedules the next one with exponential backoff.
 */
export async function deliverNotificationEmails(notificationIds: string[], options: DeliverOptions = {}): Promise<DeliveryTotals> {
  const clock = options.clock ?? systemClock;
  const requested = [...new Set(notificationIds)];
  const ids = requested.filter((id) => UUID.test(id));
  const totals: DeliveryTotals = { sent: 0, failed: 0, skipped: requested.length - ids.length };
  const pages = chunksOf(ids, PAGE_SIZE);
  // The next page is read while this one is rendered and sent (its failure surfaces when it is awaited).
  const read = (page: string[] | undefined) => {
    const rows = page ? notificationsToEmail(page) : Promise.resolve([]);
    rows.catch(() => undefined);
    return rows;
  };
  let next = read(pages[0]);
  for (const [index, page] of pages.entries()) {
    const rows = await next;
    next = read(pages[index + 1]);
    const delivered = await deliverPage(page, rows, clock);
    totals.sent += delivered.sent;
    totals.failed += delivered.failed;
    totals.skipped += delivered.skipped;
  }
  if (totals.failed > 0 && (options.throwOnFailure === "any" || (options.throwOnFailure && totals.sent === 0))) {
    throw new EmailDeliveryError(totals);
  }
  return totals;
}

async function deliverPage(ids: string[], rows: NotificationToEmail[], clock: Clock): Promise<DeliveryTotals> {
  const totals: DeliveryTotals = { sent: 0, failed: 0, skipped: ids.length - rows.length };
  // One decision per row (the recipient's preferences and quiet hours), made before the rows are batched.
  const decisions = await emailDecisions(
    rows.map((row) => ({ id: row.id, userId: row.user.id, category: row.category, type: row.type, critical: row.critical })),
    clock(),
  );
  const outcomes: Outcome[] = [];
  const toSend: NotificationToEmail[] = [];
  for (const row of rows) {
    const decision = decisions.get(row.id)!;
    const live = !row.isDeleted && row.user.isActive;
    if (!row.emailSent && live && decision.kind === "send") {
      toSend.push(row);
      continue;
    }
    totals.skipped++;
    if (row.emailSent) continue;
    if (live && decision.kind === "wait") outcomes.push({ id: row.id, status: { sent: false, waitUntil: decision.until } });
    else if (row.emailError !== null || row.emailNextAttemptAt !== null)
      outcomes.push({ id: row.id, status: { sent: false, skipped: true } });
  }
  const sendOutcomes = await sendInBatches(toSend, clock);
  try {
    await updateEmailStatuses([...outcomes, ...sendOutcomes], clock);
  } catch (error) {
    logger.error({ err: error, count: sendOutcomes.length }, "email: could not record the outcome of notification emails");
    return { ...totals, failed: totals.failed + sendOutcomes.length };
  }
  for (const { status } of sendOutcomes) totals[status.sent ? "sent" : "failed"]++;
  return totals;
}

/**
 * Sends again the notification emails that failed and whose next attempt is due (at most `MAX_EMAIL_ATTEMPTS`
 * attempts each, about `limit` per call, oldest due first). The scheduled job runner calls this. The emails that
 * failed together are sent together again, in the same batches: a batch whose answer was lost is then the same
 * call to the provider (same idempotency key) and is not delivered twice.
 */
export async function retryDueEmails(options: { clock?: Clock; limit?: number } = {}): Promise<DeliveryTotals> {
  const clock = options.clock ?? systemClock;
  const now = clock();
  const claimed = await claimDueRetries(now, new Date(now.getTime() + RETRY_LEASE_MS), options.limit ?? 100, MAX_EMAIL_ATTEMPTS);
  const cohorts = groupBy(claimed, (retry) => retry.cohort);
  const totals: DeliveryTotals = { sent: 0, failed: 0, skipped: 0 };
  for (const cohort of cohorts.values()) {
    const delivered = await deliverNotificationEmails(
      cohort.map((retry) => retry.id),
      { clock },
    );
    totals.sent += delivered.sent;
    totals.failed += delivered.failed;
    totals.skipped += delivered.skipped;
  }
  return totals;
}
