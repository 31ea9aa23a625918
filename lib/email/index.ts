/** What the rest of the app (routes, pages, scheduled work) uses of the email module. */
export {
  deliverNotificationEmails,
  EmailDeliveryError,
  notificationEmailKey,
  retryDueEmails,
  type DeliverOptions,
  type DeliveryTotals,
} from "./delivery";
export { sendBulkNotificationEmails, sendNotificationEmail, type BulkSendResult, type NotificationEmailRequest } from "./service";
export { sendWeeklySummaryEmail, type WeeklySummary, type WeeklySummaryResult } from "./weekly-summary";
export {
  getEmailPreferences,
  readUnsubscribeLink,
  unsubscribe,
  updateEmailPreferences,
  type CategorySetting,
  type UnsubscribeLink,
} from "./preferences";
export { canReadOutbox, HIDDEN_LINK, outboxPageAvailable, readOutbox, type OutboxMessage } from "./outbox";
export { outboxEnabled, outboxIsTransport } from "./config";
export { NO_PROVIDER_ERROR, NO_PROVIDER_NOTICE_KEY } from "./provider-missing";
export { CATEGORY_LABELS, EMAIL_CATEGORIES } from "./categories";
export { MAX_EMAIL_ATTEMPTS, nextAttemptAt } from "./retry-policy";
export type { EmailMessage, EmailRecipient, NotificationEmailContent, SendResult } from "./message";
export * from "./schemas";
export * from "./operations";
export { digestEmailKey, sendDueDigests, DIGEST_LIMIT, type DigestTotals } from "./digest";
