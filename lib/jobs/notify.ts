import type { Clock } from "@/lib/clock";
import { createNotificationRows, type NewNotification, type NotificationRow } from "@/lib/notifications";
import { addEmailTotals, noEmails, requestNotificationEmails, type EmailTotals } from "./dispatch";
import { chunks } from "./pages";

export type NotifyTotals = { notified: number; emails: EmailTotals };

/**
 * Rows per INSERT. Prisma keeps the arguments of its last 100 debug calls (full query parameters included), so
 * 1000-row batches pin ~250 MB of heap; 200-row batches pin ~50 MB at the same rows per second.
 */
export const INSERT_BATCH = 200;

export type NotifyOptions = {
  email: boolean;
  clock: Clock;
  /** Called with each batch of notifications actually created (not the dedupe-skipped ones). */
  onCreated?: (rows: NotificationRow[]) => Promise<unknown>;
};

/**
 * Inserts the notifications in batches (one INSERT … ON CONFLICT DO NOTHING each, so a dedupe key that already
 * exists is skipped) and, when `email` is set, asks for the created ones to be emailed.
 */
export async function notifyAll(inputs: NewNotification[], options: NotifyOptions): Promise<NotifyTotals> {
  const totals: NotifyTotals = { notified: 0, emails: noEmails() };
  for (const batch of chunks(inputs, INSERT_BATCH)) {
    const rows = await createNotificationRows(options.email ? batch.map((input) => ({ ...input, emailRequested: true })) : batch);
    totals.notified += rows.length;
    await options.onCreated?.(rows);
    if (options.email)
      addEmailTotals(
        totals.emails,
        await requestNotificationEmails(
          rows.map((row) => row.id),
          { clock: options.clock },
        ),
      );
  }
  return totals;
}
