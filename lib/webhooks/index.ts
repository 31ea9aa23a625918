/** What the edges, the jobs and the server use of webhooks (admins' endpoints, signed delivery with retries). */
export { createWebhook, deleteWebhook, getWebhook, listWebhookDeliveries, listWebhooks, sendTestEvent, updateWebhook } from "./service";
export { deliverDueWebhooks, messageId, type WebhookDeliveryTotals } from "./delivery";
export { deliverWebhooksSoon, startWebhookRelay, webhookRelayIdle } from "./relay";
export { DISABLE_AFTER_FAILURES, MAX_WEBHOOK_ATTEMPTS } from "./retry-policy";
export { WEBHOOK_EVENTS, TEST_EVENT } from "@/lib/webhook-events";
export * from "./schemas";
export * from "./operations";
