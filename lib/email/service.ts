import { systemClock, type Clock } from "@/lib/clock";
import { logger } from "@/lib/log";
import type { EmailRecipient, NotificationEmailContent, SendResult } from "./message";
import { mapPool } from "./pool";
import { renderNotificationEmail } from "./render";
import { transmit } from "./transport";

export type NotificationEmailRequest = { recipient: EmailRecipient; notification: NotificationEmailContent; idempotencyKey?: string };

export type BulkSendResult = { success: number; failure: number; results: SendResult[] };

/** Resend's default limit is a few requests per second: a bulk send keeps this many in flight. */
export const SEND_CONCURRENCY = 2;

/**
 * Renders and sends one notification email (Resend or the outbox). It does not consult the recipient's
 * preferences or record anything on a notification: `deliverNotificationEmails` does, for notification rows.
 */
export async function sendNotificationEmail(request: NotificationEmailRequest, options: { clock?: Clock } = {}): Promise<SendResult> {
  const rendered = await renderNotificationEmail(request.recipient, request.notification).catch((error: unknown) => {
    logger.error({ err: error }, "email: could not render a notification email");
    return null;
  });
  if (!rendered) return { ok: false, error: "The email could not be rendered." };
  return transmit({ ...rendered, idempotencyKey: request.idempotencyKey }, options.clock ?? systemClock);
}

/** Sends each email on its own (one failure does not stop the others) and counts successes and failures. */
export async function sendBulkNotificationEmails(
  requests: NotificationEmailRequest[],
  options: { clock?: Clock } = {},
): Promise<BulkSendResult> {
  const results = await mapPool(requests, SEND_CONCURRENCY, (request) => sendNotificationEmail(request, options));
  const success = results.filter((result) => result.ok).length;
  return { success, failure: results.length - success, results };
}
