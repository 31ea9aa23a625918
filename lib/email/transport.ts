import { systemClock, type Clock } from "@/lib/clock";
import { logger } from "@/lib/log";
import { emailConfig } from "./config";
import type { EmailMessage, SendResult } from "./message";
import { insertOutboxMessage } from "./repository";
import { sendWithResend } from "./resend-transport";

/**
 * Sends one message: through Resend when RESEND_API_KEY is set, otherwise into the development outbox (a
 * table, readable at /dev/outbox). Never throws; a message is either sent, stored, or reported as failed.
 */
export async function transmit(message: EmailMessage, clock: Clock = systemClock): Promise<SendResult> {
  const config = emailConfig();
  try {
    if (config.resendApiKey) return await sendWithResend(message, config.from, config.resendApiKey);
    return { ok: true, id: await insertOutboxMessage(message, config.from, clock()) };
  } catch (error) {
    logger.error({ err: error, to: message.to }, "email: could not send");
    return { ok: false, error: error instanceof Error ? error.message.slice(0, 1000) : "Email could not be sent." };
  }
}
