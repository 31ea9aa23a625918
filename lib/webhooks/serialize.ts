import type { DeliveryRow, EndpointRow } from "./repository";
import type { WebhookDeliveryOut, WebhookOut } from "./schemas";

export function serializeWebhook(row: EndpointRow): WebhookOut {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookOut["events"],
    enabled: row.enabled,
    consecutive_failures: row.consecutiveFailures,
    auto_disabled_at: row.autoDisabledAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function serializeDelivery(row: DeliveryRow): WebhookDeliveryOut {
  return {
    id: row.id,
    event_type: row.eventType,
    status: row.status as WebhookDeliveryOut["status"],
    attempts: row.attempts,
    next_attempt_at: row.status === "pending" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    created_at: row.createdAt.toISOString(),
    payload: row.payload,
    tries: row.tries.map((t) => ({
      attempted_at: t.attemptedAt.toISOString(),
      status_code: t.statusCode,
      response_time_ms: t.responseTimeMs,
      error: t.error,
    })),
  };
}
