/**
 * Webhook events as the modules that raise them see them: the contract's event names and the outbox write. Kept
 * apart from lib/webhooks (endpoints, delivery), which notifies admins, so lib/notifications can record
 * `notification.created` without a cycle.
 */
export { TEST_EVENT, WEBHOOK_EVENTS, webhookPayload, type WebhookEvent, type WebhookEventType, type WebhookPayload } from "./events";
export { anyWebhookListensTo, recordWebhookEvents, type TenantWebhookEvent } from "./record";
