import { isInngestConfigured } from "./inngest-client";
import { formatDay, systemClock, type Clock } from "@/lib/clock";
import { formatMoney } from "@/lib/money";
import { db } from "@/lib/db";
import { sendWeeklySummaryEmail, type WeeklySummary } from "@/lib/email";
import { logger } from "@/lib/log";
import { createNotification, updateEmailStatus } from "@/lib/notifications";
import { queueWeeklySummaries, weeklySummaryEmailKey } from "./dispatch";
import { plural } from "./format";
import type { JobOptions } from "./options";
import { keysetPages, PAGE_SIZE } from "./pages";
import { buildWeeklySummary, weekStartOf } from "./weekly-summary-data";

export type WeeklySummaryResult = {
  weekStart: string;
  users: number;
  queued: number;
  sent: number;
  alreadySent: number;
  failed: number;
  skipped: number;
};

export type UserSummaryOutcome = { status: "sent" | "already-sent" | "failed" | "skipped"; error?: string };

export const weeklySummaryKey = (weekStart: string) => `weekly-summary:${weekStart}`;

/** Users handled at once when the summaries are sent inline (without Inngest). */
const INLINE_CONCURRENCY = 4;

/** One page of active user ids, in id order (keyset). */
export async function activeUserIdsPage(after: string | undefined, options: JobOptions = {}, size = PAGE_SIZE): Promise<string[]> {
  const users = await db().user.findMany({
    where: { isActive: true, ...(options.tenantId ? { tenantId: options.tenantId } : {}), ...(after ? { id: { gt: after } } : {}) },
    select: { id: true },
    orderBy: { id: "asc" },
    take: size,
  });
  return users.map((user) => user.id);
}

function summaryMessage(summary: WeeklySummary, manager: boolean): string {
  const money = (value: string) => formatMoney(value, summary.currency);
  const attention = [
    `${plural(summary.expiringQuotes, "quote")} expiring within 7 days`,
    `${plural(summary.overdueOpportunities, "overdue opportunity", "overdue opportunities")}`,
    ...(manager ? [`${plural(summary.pendingMaintenance, "vehicle")} due for maintenance`] : []),
  ];
  return (
    `${formatDay(summary.periodStart)} to ${formatDay(summary.periodEnd)}: ${plural(summary.newOpportunities, "new opportunity", "new opportunities")}, ` +
    `${summary.opportunitiesWon} won (${money(summary.revenue)}). ` +
    `Pipeline: ${plural(summary.activeOpportunities, "active opportunity", "active opportunities")}, ${money(summary.weightedPipeline)} weighted. ` +
    `Needs attention: ${attention.join(", ")}.`
  );
}

/**
 * Builds one user's weekly summary, records it as an INFO notification (once per week: dedupe key
 * `weekly-summary:<weekStart>`) and emails it — unless that notification's email already went out, so a re-run
 * or a retry never sends it twice. `throwOnFailure` turns a failed send into an error (for Inngest's retries).
 */
export async function sendUserWeeklySummary(
  userId: string,
  weekStart: string,
  options: { clock?: Clock; throwOnFailure?: boolean } = {},
): Promise<UserSummaryOutcome> {
  const clock = options.clock ?? systemClock;
  const user = await db().user.findFirst({
    where: { id: userId, isActive: true },
    select: { id: true, tenantId: true, role: true, name: true, email: true },
  });
  if (!user) return { status: "skipped" };
  const dedupeKey = weeklySummaryKey(weekStart);
  const existing = await db().notification.findUnique({
    where: { userId_dedupeKey: { userId, dedupeKey } },
    select: { id: true, emailSent: true },
  });
  if (existing?.emailSent) return { status: "already-sent" };
  const manager = user.role !== "SALES_REP";
  const summary = await buildWeeklySummary({ tenantId: user.tenantId, userId: user.id, role: user.role }, weekStart);
  const notification =
    existing ??
    (await createNotification({
      tenantId: user.tenantId,
      userId,
      title: `Your weekly summary: ${formatDay(summary.periodStart)} to ${formatDay(summary.periodEnd)}`,
      message: summaryMessage(summary, manager),
      type: "INFO",
      category: "SYSTEM",
      actionUrl: "/pipeline",
      actionLabel: "Open the pipeline",
      dedupeKey,
    })) ??
    (await db().notification.findUnique({ where: { userId_dedupeKey: { userId, dedupeKey } }, select: { id: true, emailSent: true } }));
  if (!notification || notification.emailSent) return { status: "already-sent" };
  const sent = await sendWeeklySummaryEmail({ id: user.id, email: user.email, name: user.name }, summary, {
    clock,
    idempotencyKey: weeklySummaryEmailKey(userId, weekStart),
  });
  // Not sent on purpose (the user turned these emails off): nothing to record, nothing to retry.
  if (sent.ok && sent.skipped) return { status: "skipped" };
  // A failure is recorded without a next attempt: Inngest's retries (or the next run of the job) send it again.
  await updateEmailStatus(notification.id, sent.ok ? { sent: true } : { sent: false, error: sent.error }, clock);
  if (sent.ok) return { status: "sent" };
  if (options.throwOnFailure) throw new Error(`Weekly summary email to user ${userId} failed: ${sent.error ?? "unknown error"}`);
  return { status: "failed", error: sent.error };
}

async function sendInline(userIds: string[], weekStart: string, clock: Clock, result: WeeklySummaryResult): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < userIds.length) {
      const userId = userIds[next++]!;
      const outcome = await sendUserWeeklySummary(userId, weekStart, { clock });
      if (outcome.status === "sent") result.sent++;
      else if (outcome.status === "already-sent") result.alreadySent++;
      else if (outcome.status === "failed") result.failed++;
      else result.skipped++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(INLINE_CONCURRENCY, userIds.length) }, worker));
}

/**
 * Mondays 07:00 UTC: the summary of the week before, for every active user. With Inngest, one
 * `app/weekly-summary.requested` event per user (the send-weekly-summary function does the rest); without it —
 * or if Inngest cannot be reached — the summaries are built and sent here.
 */
export async function weeklySummary(clock: Clock, options: JobOptions = {}): Promise<WeeklySummaryResult> {
  const weekStart = weekStartOf(clock());
  const result: WeeklySummaryResult = { weekStart, users: 0, queued: 0, sent: 0, alreadySent: 0, failed: 0, skipped: 0 };
  const viaInngest = isInngestConfigured();
  for await (const userIds of keysetPages((after: string | undefined) => activeUserIdsPage(after, options))) {
    result.users += userIds.length;
    if (viaInngest) {
      try {
        await queueWeeklySummaries(userIds, weekStart);
        result.queued += userIds.length;
        continue;
      } catch (error) {
        logger.warn({ err: error }, "jobs: could not queue weekly summaries with Inngest; sending them inline");
      }
    }
    await sendInline(userIds, weekStart, clock, result);
  }
  return result;
}
