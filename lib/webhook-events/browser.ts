/** What the browser may use of webhook events: the names (no database). */
export { TEST_EVENT, WEBHOOK_EVENTS, type WebhookEventType } from "./events";
