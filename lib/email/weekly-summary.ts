import { systemClock, type Clock } from "@/lib/clock";
import { logger } from "@/lib/log";
import { renderWeeklySummaryEmail, WEEKLY_SUMMARY_CATEGORY } from "./render";
import { emailEnabled } from "./preferences";
import { findRecipient } from "./repository";
import { transmit } from "./transport";

/** One user's week (dates `YYYY-MM-DD`, money as 2-decimal strings in `currency`). */
export type WeeklySummary = {
  periodStart: string;
  periodEnd: string;
  newOpportunities: number;
  opportunitiesWon: number;
  revenue: string;
  activeOpportunities: number;
  weightedPipeline: string;
  expiringQuotes: number;
  overdueOpportunities: number;
  pendingMaintenance: number;
  currency: string;
};

/**
 * `ok` when sent, or when deliberately not sent (`skipped`: the user is inactive or turned SYSTEM emails off —
 * nothing to retry). `ok: false` with the error otherwise. Never throws.
 */
export type WeeklySummaryResult = { ok: boolean; error?: string; skipped?: boolean };

export async function sendWeeklySummaryEmail(
  user: { id: string; email: string; name: string },
  summary: WeeklySummary,
  options: { clock?: Clock; idempotencyKey?: string } = {},
): Promise<WeeklySummaryResult> {
  try {
    const recipient = await findRecipient(user.id);
    if (!recipient) return { ok: false, error: "The recipient does not exist." };
    const [setting] = await emailEnabled(recipient.id, WEEKLY_SUMMARY_CATEGORY);
    if (!recipient.isActive || setting?.enabled === false) {
      return { ok: true, skipped: true };
    }
    const rendered = await renderWeeklySummaryEmail({ ...user, tenantId: recipient.tenantId }, summary);
    const result = await transmit({ ...rendered, idempotencyKey: options.idempotencyKey }, options.clock ?? systemClock);
    return result.ok ? { ok: true } : { ok: false, error: result.error };
  } catch (error) {
    logger.error({ err: error, userId: user.id }, "email: could not send a weekly summary");
    return { ok: false, error: error instanceof Error ? error.message.slice(0, 1000) : "The weekly summary could not be sent." };
  }
}
