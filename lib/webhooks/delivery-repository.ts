import { db } from "@/lib/db";
import { DISABLE_AFTER_FAILURES } from "./retry-policy";

export type ClaimedDelivery = {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  body: string;
  attempts: number;
  created_at: Date;
  url: string;
  secret: string;
};

/**
 * Claims up to `limit` due deliveries of enabled endpoints: each claim counts the try (attempts + 1) and moves the
 * next attempt to `leaseUntil`, so no other worker takes the same try while this one makes it (FOR UPDATE SKIP
 * LOCKED: concurrent workers share the work instead of waiting). Recording the outcome replaces the lease.
 */
export async function claimDueDeliveries(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
  return db().$queryRaw<ClaimedDelivery[]>`
    UPDATE webhook_deliveries d SET next_attempt_at = ${leaseUntil}, attempts = d.attempts + 1
    FROM webhook_endpoints e
    WHERE e.id = d.endpoint_id AND d.id IN (
      SELECT d2.id FROM webhook_deliveries d2
      JOIN webhook_endpoints e2 ON e2.id = d2.endpoint_id AND e2.enabled
      WHERE d2.status = 'pending' AND d2.next_attempt_at <= ${now}
      ORDER BY d2.next_attempt_at, d2.created_at
      LIMIT ${limit}::int
      FOR UPDATE OF d2 SKIP LOCKED
    )
    RETURNING d.id::text, d.tenant_id::text, d.endpoint_id::text, d.payload::text AS body, d.attempts, d.created_at, e.url, e.secret`;
}

/** Gives claimed tries back unmade (their endpoint was turned off meanwhile): they are due again, uncounted. */
export async function releaseClaims(deliveryIds: string[], now: Date): Promise<void> {
  if (deliveryIds.length === 0) return;
  await db().$executeRaw`
    UPDATE webhook_deliveries SET attempts = attempts - 1, next_attempt_at = ${now}
    WHERE id = ANY(${deliveryIds}::uuid[]) AND status = 'pending'`;
}

export type TryRecord = {
  deliveryId: string;
  endpointId: string;
  attemptedAt: Date;
  statusCode: number | null;
  responseTimeMs: number;
  error: string | null;
  ok: boolean;
  /** When to try again; null: no try left (a failure then fails the delivery). */
  nextAttemptAt: Date | null;
};

/**
 * Logs a try and applies it, in one transaction: the delivery succeeds, waits for its next try or fails; the
 * endpoint's failures in a row reset or grow, and the failure that makes them `DISABLE_AFTER_FAILURES` turns
 * the endpoint off. Returns true when this try turned it off.
 */
export async function recordTry(entry: TryRecord): Promise<boolean> {
  return db().$transaction(async (tx) => {
    await tx.webhookDeliveryAttempt.create({
      data: {
        deliveryId: entry.deliveryId,
        attemptedAt: entry.attemptedAt,
        statusCode: entry.statusCode,
        responseTimeMs: entry.responseTimeMs,
        error: entry.error,
      },
    });
    const status = entry.ok ? "succeeded" : entry.nextAttemptAt ? "pending" : "failed";
    await tx.webhookDelivery.update({
      where: { id: entry.deliveryId },
      data: { status, nextAttemptAt: entry.ok ? null : entry.nextAttemptAt },
    });
    if (entry.ok) {
      await tx.webhookEndpoint.updateMany({
        where: { id: entry.endpointId, consecutiveFailures: { gt: 0 } },
        data: { consecutiveFailures: 0 },
      });
      return false;
    }
    const [row] = await tx.$queryRaw<Array<{ just_disabled: boolean }>>`
      WITH prev AS (SELECT id, enabled, consecutive_failures FROM webhook_endpoints WHERE id = ${entry.endpointId}::uuid FOR UPDATE)
      UPDATE webhook_endpoints e
      SET consecutive_failures = prev.consecutive_failures + 1,
          enabled = prev.enabled AND prev.consecutive_failures + 1 < ${DISABLE_AFTER_FAILURES}::int,
          auto_disabled_at = CASE WHEN prev.enabled AND prev.consecutive_failures + 1 >= ${DISABLE_AFTER_FAILURES}::int
                                  THEN ${entry.attemptedAt} ELSE e.auto_disabled_at END,
          updated_at = CASE WHEN prev.enabled AND prev.consecutive_failures + 1 >= ${DISABLE_AFTER_FAILURES}::int
                            THEN ${entry.attemptedAt} ELSE e.updated_at END
      FROM prev WHERE e.id = prev.id
      RETURNING prev.enabled AND NOT e.enabled AS just_disabled`;
    return row?.just_disabled ?? false;
  });
}

/** The active admins of a tenant: they hear that a webhook was turned off. */
export async function activeAdmins(tenantId: string): Promise<string[]> {
  const rows = await db().user.findMany({ where: { tenantId, role: "ADMIN", isActive: true }, select: { id: true } });
  return rows.map((row) => row.id);
}

export async function endpointUrl(endpointId: string): Promise<string | null> {
  return (await db().webhookEndpoint.findUnique({ where: { id: endpointId }, select: { url: true } }))?.url ?? null;
}
