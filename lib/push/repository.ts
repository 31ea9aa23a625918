import { db, type Tx } from "@/lib/db";
import type { NotificationCategory, NotificationType } from "@/lib/generated/prisma/enums";
import type { Scope } from "@/lib/scope";

export type SubscriptionRow = { id: string; endpoint: string; created_at: Date };

/**
 * Saves the caller's browser: one row per endpoint. Posted again it keeps its row and takes the new keys; a browser
 * last subscribed by someone else (another sign-in on the same machine) moves to the caller, and what was queued
 * for the other user is dropped with the old row.
 */
export async function saveSubscription(
  scope: Scope,
  input: { endpoint: string; p256dh: string; auth: string; userAgent: string | null },
): Promise<SubscriptionRow> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`
      DELETE FROM push_subscriptions WHERE endpoint = ${input.endpoint} AND user_id <> ${scope.userId}::uuid`;
    const [row] = await tx.$queryRaw<SubscriptionRow[]>`
      INSERT INTO push_subscriptions (tenant_id, user_id, endpoint, p256dh, auth, user_agent)
      VALUES (${scope.tenantId}::uuid, ${scope.userId}::uuid, ${input.endpoint}, ${input.p256dh}, ${input.auth}, ${input.userAgent})
      ON CONFLICT (endpoint) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh,
        auth = EXCLUDED.auth, user_agent = EXCLUDED.user_agent, failures = 0
      RETURNING id::text, endpoint, created_at`;
    return row!;
  });
}

/** Forgets one of the caller's browsers; false when the caller has none with that endpoint. */
export async function deleteOwnSubscription(scope: Scope, endpoint: string): Promise<boolean> {
  const { count } = await db().pushSubscription.deleteMany({ where: { endpoint, userId: scope.userId, tenantId: scope.tenantId } });
  return count > 0;
}

/** The endpoints of the caller's browsers (the settings switch tells whether this browser is one). */
export async function ownEndpoints(scope: Scope): Promise<string[]> {
  const rows = await db().pushSubscription.findMany({
    where: { userId: scope.userId, tenantId: scope.tenantId },
    select: { endpoint: true },
  });
  return rows.map((row) => row.endpoint);
}

export type PushCandidate = {
  id: string;
  userId: string;
  category: NotificationCategory;
  type: NotificationType;
  critical: boolean;
  createdAt: Date;
};

/** Of these notifications, those whose recipient has a browser subscribed (one query; in `tx` when given). */
export async function pushCandidates(notificationIds: string[], tx?: Tx): Promise<PushCandidate[]> {
  return (tx ?? db()).$queryRaw<PushCandidate[]>`
    SELECT n.id::text, n.user_id::text AS "userId", n.category::text, n.type::text, n.critical, n.created_at AS "createdAt"
    FROM notifications n
    WHERE n.id = ANY(${notificationIds}::uuid[])
      AND EXISTS (SELECT 1 FROM push_subscriptions s WHERE s.user_id = n.user_id)`;
}

/** One push per notification and browser of its recipient, due when given; returns how many were queued. */
export async function insertPushes(due: Array<{ notificationId: string; dueAt: Date }>, at: Date, tx?: Tx): Promise<number> {
  if (due.length === 0) return 0;
  return (tx ?? db()).$executeRaw`
    INSERT INTO push_deliveries (notification_id, subscription_id, due_at, created_at)
    SELECT q.id, s.id, q.due_at, ${at}
    FROM unnest(${due.map((d) => d.notificationId)}::uuid[], ${due.map((d) => d.dueAt.toISOString())}::timestamptz[]) AS q(id, due_at)
    JOIN notifications n ON n.id = q.id
    JOIN push_subscriptions s ON s.user_id = n.user_id
    ON CONFLICT (notification_id, subscription_id) DO NOTHING`;
}
