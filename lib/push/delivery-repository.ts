import { db } from "@/lib/db";
import type { PushedNotification } from "./message";

/** A claimed push: the try, the browser it goes to, and its notification (`id` is the push's own). */
export type ClaimedPush = Omit<PushedNotification, "id"> & {
  id: string;
  attempts: number;
  subscriptionId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  notificationId: string;
  /** Read or deleted meanwhile (while waiting for quiet hours to end): no longer worth a push. */
  stale: boolean;
};

/**
 * Claims up to `limit` due pushes: each claim counts the try and moves its due time to `leaseUntil`, so no other
 * worker takes it meanwhile (FOR UPDATE SKIP LOCKED: concurrent workers share the work). Recording the outcome
 * replaces the lease.
 */
export async function claimDuePushes(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedPush[]> {
  return db().$queryRaw<ClaimedPush[]>`
    UPDATE push_deliveries d SET due_at = ${leaseUntil}, attempts = d.attempts + 1
    FROM push_subscriptions s, notifications n
    WHERE s.id = d.subscription_id AND n.id = d.notification_id AND d.id IN (
      SELECT d2.id FROM push_deliveries d2
      WHERE d2.sent_at IS NULL AND d2.due_at <= ${now}
      ORDER BY d2.due_at
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING d.id::text, d.attempts, s.id::text AS "subscriptionId", s.endpoint, s.p256dh, s.auth,
      n.id::text AS "notificationId", n.title, n.message, n.action_url AS "actionUrl", n.category::text, n.type::text,
      n.critical, (n.is_read OR n.is_deleted) AS stale`;
}

/** A push the service accepted: done, and its browser's failures in a row start again. */
export async function recordSent(push: ClaimedPush, at: Date): Promise<void> {
  await db().$transaction([
    db().$executeRaw`UPDATE push_deliveries SET sent_at = ${at}, due_at = NULL, error = NULL WHERE id = ${push.id}::uuid`,
    db().$executeRaw`UPDATE push_subscriptions SET last_success_at = ${at}, failures = 0 WHERE id = ${push.subscriptionId}::uuid`,
  ]);
}

/** A failed try: due again at `nextDueAt`, or given up (null); the browser's failures in a row grow. */
export async function recordFailure(push: ClaimedPush, error: string, nextDueAt: Date | null): Promise<void> {
  await db().$transaction([
    db().$executeRaw`UPDATE push_deliveries SET due_at = ${nextDueAt}, error = ${error} WHERE id = ${push.id}::uuid`,
    db().$executeRaw`UPDATE push_subscriptions SET failures = failures + 1 WHERE id = ${push.subscriptionId}::uuid`,
  ]);
}

/** A push not worth sending any more (its notification was read or deleted first): closed unsent. */
export async function recordSkipped(push: ClaimedPush): Promise<void> {
  await db().$executeRaw`
    UPDATE push_deliveries SET due_at = NULL, error = 'Not sent: the notification was read or deleted before it was due.'
    WHERE id = ${push.id}::uuid`;
}

/** The push service no longer knows the browser (404/410): its subscription goes, with what was queued for it. */
export async function deleteSubscription(subscriptionId: string): Promise<void> {
  await db().$executeRaw`DELETE FROM push_subscriptions WHERE id = ${subscriptionId}::uuid`;
}
