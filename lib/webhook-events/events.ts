/** The events a webhook may subscribe to (the contract's list). */
export const WEBHOOK_EVENTS = [
  "opportunity.created",
  "opportunity.updated",
  "opportunity.stage_changed",
  "opportunity.won",
  "opportunity.lost",
  "opportunity.deleted",
  "activity.due",
  "notification.created",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Sent by "send test event" to one endpoint, whatever it subscribed to. */
export const TEST_EVENT = "webhook.test";

/** What happened: an event's type and its `data` (the contract's JSON of the record). */
export type WebhookEvent = { type: WebhookEventType; data: unknown };

/** The body every delivery posts (Standard Webhooks' envelope): `type`, `timestamp` (ISO 8601) and `data`. */
export type WebhookPayload = { type: string; timestamp: string; data: unknown };

export function webhookPayload(type: string, data: unknown, at: Date): WebhookPayload {
  return { type, timestamp: at.toISOString(), data };
}
