import { systemClock, type Clock } from "@/lib/clock";
import { logger } from "@/lib/log";
import { emailConfig, type EmailConfig } from "./config";
import type { EmailMessage, SendResult } from "./message";
import { NO_PROVIDER_ERROR, noticeMissingProvider } from "./provider-missing";
import { insertOutboxMessage, insertOutboxMessages } from "./repository";
import { sendBatchWithResend, sendWithResend } from "./resend-transport";

/** Whether mail can go anywhere: Resend, or the development outbox. */
export function hasEmailProvider(config: EmailConfig = emailConfig()): boolean {
  return config.resendApiKey !== null || config.outbox;
}

/**
 * Mail of these tenants that has nowhere to go: logged, each tenant's admins told (once), and the error every such
 * email records returned.
 */
export async function sentNowhere(tenantIds: readonly string[]): Promise<string> {
  const tenants = [...new Set(tenantIds)];
  logger.warn({ tenantIds: tenants }, "email: not sent, no email provider is configured");
  for (const tenantId of tenants) await noticeMissingProvider(tenantId);
  return NO_PROVIDER_ERROR;
}

/**
 * Sends one message: through Resend when RESEND_API_KEY is set, otherwise into the development outbox (a table,
 * readable at /dev/outbox) when it is on. With neither, the send fails with `NO_PROVIDER_ERROR` and the tenant's
 * admins are told (once). Never throws; a message is either sent, stored, or reported as failed.
 */
export async function transmit(message: EmailMessage, clock: Clock = systemClock): Promise<SendResult> {
  const config = emailConfig();
  try {
    if (config.resendApiKey) return await sendWithResend(message, config.from, config.resendApiKey);
    if (config.outbox) return { ok: true, id: await insertOutboxMessage(message, config.from, clock()) };
    return { ok: false, error: await sentNowhere([message.tenantId]) };
  } catch (error) {
    logger.error({ err: error, to: message.to }, "email: could not send");
    return { ok: false, error: error instanceof Error ? error.message.slice(0, 1000) : "Email could not be sent." };
  }
}

/**
 * Sends up to 100 messages in one call: Resend's batch endpoint, or one insert into the development outbox. Each
 * message gets its own result (a message Resend rejects fails alone). Never throws.
 */
export async function transmitBatch(messages: readonly EmailMessage[], clock: Clock = systemClock): Promise<SendResult[]> {
  if (messages.length === 0) return [];
  const config = emailConfig();
  try {
    if (config.resendApiKey) return await sendBatchWithResend(messages, config.from, config.resendApiKey);
    if (config.outbox) {
      const ids = await insertOutboxMessages(messages, config.from, clock());
      return ids.map((id) => ({ ok: true, id }));
    }
    const error = await sentNowhere(messages.map((message) => message.tenantId));
    return messages.map(() => ({ ok: false, error }));
  } catch (error) {
    logger.error({ err: error, count: messages.length }, "email: could not send a batch");
    const failed: SendResult = { ok: false, error: error instanceof Error ? error.message.slice(0, 1000) : "Email could not be sent." };
    return messages.map(() => failed);
  }
}
