import { db, type Prisma, type Tx } from "@/lib/db";
import type { Scope } from "@/lib/scope";

export const endpointSelect = {
  id: true,
  url: true,
  events: true,
  enabled: true,
  consecutiveFailures: true,
  autoDisabledAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type EndpointRow = {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  consecutiveFailures: number;
  autoDisabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function listEndpoints(scope: Scope): Promise<EndpointRow[]> {
  return db().webhookEndpoint.findMany({
    where: { tenantId: scope.tenantId },
    select: endpointSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export function findEndpoint(scope: Scope, id: string, tx?: Tx): Promise<EndpointRow | null> {
  return (tx ?? db()).webhookEndpoint.findFirst({ where: { id, tenantId: scope.tenantId }, select: endpointSelect });
}

export function insertEndpoint(
  scope: Scope,
  data: { url: string; events: string[]; secret: string; enabled: boolean },
): Promise<EndpointRow> {
  return db().webhookEndpoint.create({ data: { tenantId: scope.tenantId, ...data }, select: endpointSelect });
}

export type EndpointChanges = { url: string; events: string[]; secret?: string; enabled?: boolean };

/** Turning an endpoint on clears its failure count and auto-disable mark; the row is locked while it changes. */
export async function updateEndpoint(scope: Scope, id: string, changes: EndpointChanges): Promise<EndpointRow | null> {
  return db().$transaction(async (tx) => {
    const current = await tx.$queryRaw<Array<{ enabled: boolean }>>`
      SELECT enabled FROM webhook_endpoints WHERE id = ${id}::uuid AND tenant_id = ${scope.tenantId}::uuid FOR UPDATE`;
    if (current.length === 0) return null;
    const turnsOn = changes.enabled === true && !current[0]!.enabled;
    await tx.webhookEndpoint.update({
      where: { id },
      data: {
        url: changes.url,
        events: changes.events,
        ...(changes.secret ? { secret: changes.secret } : {}),
        ...(changes.enabled !== undefined ? { enabled: changes.enabled } : {}),
        ...(turnsOn ? { consecutiveFailures: 0, autoDisabledAt: null } : {}),
      },
    });
    return findEndpoint(scope, id, tx);
  });
}

export async function deleteEndpoint(scope: Scope, id: string): Promise<boolean> {
  const { count } = await db().webhookEndpoint.deleteMany({ where: { id, tenantId: scope.tenantId } });
  return count > 0;
}

const deliverySelect = {
  id: true,
  eventType: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  createdAt: true,
  payload: true,
  tries: {
    select: { attemptedAt: true, statusCode: true, responseTimeMs: true, error: true },
    orderBy: [{ attemptedAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.WebhookDeliverySelect;

/** A page of an endpoint's deliveries (the endpoint being the tenant's), newest first, with their tries. */
export async function deliveryPage(scope: Scope, endpointId: string, { skip, take }: { skip: number; take: number }) {
  const where = { endpointId, tenantId: scope.tenantId };
  const [rows, total] = await Promise.all([
    db().webhookDelivery.findMany({ where, select: deliverySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
    db().webhookDelivery.count({ where }),
  ]);
  return { rows, total };
}

export type DeliveryRow = Awaited<ReturnType<typeof deliveryPage>>["rows"][number];

/** One delivery to this endpoint only, due at once. */
export async function insertDelivery(scope: Scope, endpointId: string, eventType: string, payload: object, at: Date): Promise<string> {
  const row = await db().webhookDelivery.create({
    data: { tenantId: scope.tenantId, endpointId, eventType, payload, nextAttemptAt: at, createdAt: at },
    select: { id: true },
  });
  return row.id;
}
