import type { Clock } from "@/lib/clock";
import type { EmailStatus } from "@/lib/notifications";
import type { EmailMessage } from "./message";
import { chunksOf, groupBy, mapPool } from "./pool";
import { contentKey, renderNotificationEmails } from "./render-once";
import type { NotificationToEmail } from "./repository";
import { RESEND_BATCH_LIMIT } from "./resend-transport";
import { nextAttemptAt } from "./retry-policy";
import { hasEmailProvider, sentNowhere, transmitBatch } from "./transport";

/** A notification email's own idempotency key: the outbox's unique key, and what its batch call's key is made of. */
export const notificationEmailKey = (notificationId: string) => `notification-email/${notificationId}`;

/** Provider calls in flight at once (Resend's default limit is a few requests per second). */
const BATCH_CONCURRENCY = 2;

export type Outcome = { id: string; status: EmailStatus };

/**
 * The provider calls: emails of as many earlier attempts together, and within them emails of the same content next
 * to each other (then by id), 100 per call. The order depends only on the set of emails, so when the emails of a
 * failed call are sent again together they form the same calls.
 */
function batchesOf(rows: NotificationToEmail[]): NotificationToEmail[][] {
  const byAttempts = groupBy(rows, (row) => row.emailAttempts);
  return [...byAttempts.keys()]
    .sort((a, b) => a - b)
    .flatMap((attempts) => {
      const keyed = byAttempts.get(attempts)!.map((row) => ({ row, key: contentKey(row) }));
      keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.row.id < b.row.id ? -1 : 1));
      return chunksOf(
        keyed.map(({ row }) => row),
        RESEND_BATCH_LIMIT,
      );
    });
}

/**
 * Renders and sends the rows' emails, 100 per provider call, and says what became of each. With no provider
 * configured nothing is rendered: every email fails at once with the same clear error (and is retried like any).
 */
export async function sendInBatches(rows: NotificationToEmail[], clock: Clock): Promise<Outcome[]> {
  // One instant for the page: the emails that fail together share their next attempt, which is how the retry
  // finds them again as one cohort (see claimDueRetries) and sends them in the same batches.
  let failedAt: Date | undefined;
  const failed = (row: NotificationToEmail, error: string): Outcome => ({
    id: row.id,
    status: { sent: false, error, nextAttemptAt: nextAttemptAt(row.emailAttempts + 1, (failedAt ??= clock())) },
  });
  if (rows.length > 0 && !hasEmailProvider()) {
    const error = await sentNowhere(rows.map((row) => row.user.tenantId));
    return rows.map((row) => failed(row, error));
  }
  const rendered = new Map(
    (await renderNotificationEmails(rows.map((row) => ({ recipient: row.user, content: row })))).map((email, index) => [
      rows[index]!.id,
      email,
    ]),
  );
  const outcomes: Outcome[] = [];
  const batches = batchesOf(rows).map((batch) =>
    batch.flatMap((row) => {
      const email = rendered.get(row.id);
      if (email) return [{ row, message: { ...email, idempotencyKey: notificationEmailKey(row.id) } as EmailMessage }];
      outcomes.push(failed(row, "The email could not be rendered."));
      return [];
    }),
  );
  const results = await mapPool(batches, BATCH_CONCURRENCY, (batch) =>
    transmitBatch(
      batch.map((item) => item.message),
      clock,
    ),
  );
  batches.forEach((batch, b) =>
    batch.forEach(({ row }, i) => {
      const result = results[b]![i]!;
      outcomes.push(result.ok ? { id: row.id, status: { sent: true } } : failed(row, result.error));
    }),
  );
  return outcomes;
}
