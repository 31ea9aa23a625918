/** What client components may use of webhooks: event names, the disable threshold and the API's types. */
export { TEST_EVENT, WEBHOOK_EVENTS, type WebhookEventType } from "@/lib/webhook-events/browser";
export { DISABLE_AFTER_FAILURES } from "./retry-policy";
export type { CreatedWebhookOut, WebhookDeliveryOut, WebhookDeliveryPage, WebhookOut } from "./schemas";
