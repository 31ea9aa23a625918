import { db, type Tx } from "@/lib/db";
import { webhookPayload, type WebhookEvent } from "./events";

/**
 * Writes one delivery per event and enabled endpoint of the tenant subscribed to it (the outbox), in one INSERT.
 * Given the transaction of the change that raised the events, the deliveries commit or roll back with it. Nothing
 * is sent here: the webhook relay and the `deliver-webhooks` job deliver them. Returns how many were written.
 */
export async function recordWebhookEvents(tenantId: string, events: WebhookEvent[], at: Date, tx?: Tx): Promise<number> {
  if (events.length === 0) return 0;
  const types = events.map((event) => event.type);
  const payloads = events.map((event) => JSON.stringify(webhookPayload(event.type, event.data, at)));
  return (tx ?? db()).$executeRaw`
    INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_type, payload, next_attempt_at, created_at)
    SELECT e.tenant_id, e.id, ev.type, ev.payload, ${at}, ${at}
    FROM webhook_endpoints e
    JOIN unnest(${types}::text[], ${payloads}::jsonb[]) WITH ORDINALITY AS ev(type, payload, n) ON ev.type = ANY(e.events)
    WHERE e.tenant_id = ${tenantId}::uuid AND e.enabled
    ORDER BY ev.n, e.id`;
}
