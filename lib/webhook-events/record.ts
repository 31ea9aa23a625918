import { db, type Tx } from "@/lib/db";
import { webhookPayload, type WebhookEvent, type WebhookEventType } from "./events";

/** An event of one tenant, for its webhooks. */
export type TenantWebhookEvent = WebhookEvent & { tenantId: string };

/**
 * Writes one delivery per event and enabled endpoint of the event's tenant subscribed to it (the outbox), in one
 * INSERT. Given the transaction of the change that raised the events, the deliveries commit or roll back with it.
 * Nothing is sent here: the webhook relay and the `deliver-webhooks` job deliver them. Returns how many were written.
 */
export async function recordWebhookEvents(events: TenantWebhookEvent[], at: Date, tx?: Tx): Promise<number> {
  if (events.length === 0) return 0;
  const tenants = events.map((event) => event.tenantId);
  const types = events.map((event) => event.type);
  const payloads = events.map((event) => JSON.stringify(webhookPayload(event.type, event.data, at)));
  return (tx ?? db()).$executeRaw`
    INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_type, payload, next_attempt_at, created_at)
    SELECT e.tenant_id, e.id, ev.type, ev.payload, ${at}, ${at}
    FROM unnest(${tenants}::uuid[], ${types}::text[], ${payloads}::jsonb[]) WITH ORDINALITY AS ev(tenant_id, type, payload, n)
    JOIN webhook_endpoints e ON e.tenant_id = ev.tenant_id AND e.enabled AND ev.type = ANY(e.events)
    ORDER BY ev.n, e.id`;
}

/** Whether any enabled endpoint (of any tenant) listens to `type`: lets a bulk writer skip building payloads. */
export async function anyWebhookListensTo(type: WebhookEventType, tx?: Tx): Promise<boolean> {
  const [row] = await (tx ?? db()).$queryRaw<Array<{ listening: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled AND ${type} = ANY(events)) AS listening`;
  return row?.listening ?? false;
}
