import { db, Prisma } from "@/lib/db";
import { waitsForDigestSql } from "@/lib/notification-preferences";
import type { NotificationCategory } from "@/lib/generated/prisma/enums";

/** How far back a digest reaches: older unemailed notifications (from before digests were chosen) are left alone. */
export const DIGEST_LOOKBACK_DAYS = 7;

/** A notification a digest may include: email asked for, not yet emailed, recent, waiting for the digest. */
function pendingDigestWhere(now: Date): Prisma.Sql {
  const since = new Date(now.getTime() - DIGEST_LOOKBACK_DAYS * 86_400_000);
  return Prisma.sql`
    n.email_requested = true AND n.email_sent = false AND n.is_deleted = false
    AND n.created_at > ${since} AND n.created_at <= ${now} AND ${waitsForDigestSql("n")}`;
}

export type DigestCandidate = {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  timezone: string;
  quietHoursStart: number | null;
  quietHoursEnd: number | null;
};

/** Active users with something waiting for their digest (idx_notifications_email_pending). */
export function digestCandidates(now: Date): Promise<DigestCandidate[]> {
  return db().$queryRaw<DigestCandidate[]>`
    SELECT u.id::text AS id, u.tenant_id::text AS "tenantId", u.email, u.name, u.timezone,
           u.quiet_hours_start AS "quietHoursStart", u.quiet_hours_end AS "quietHoursEnd"
    FROM users u
    WHERE u.is_active AND u.id IN (SELECT DISTINCT n.user_id FROM notifications n WHERE ${pendingDigestWhere(now)})
    ORDER BY u.id`;
}

/**
 * Takes the user's digest of `day` for this run: creates it, or takes one whose earlier attempt failed and is due
 * again. Null when it was sent already, or another run holds it (until `leaseUntil`).
 */
export async function claimDigest(
  user: { id: string; tenantId: string },
  day: string,
  now: Date,
  leaseUntil: Date,
  maxAttempts: number,
): Promise<{ id: string; attempts: number } | null> {
  const [row] = await db().$queryRaw<Array<{ id: string; attempts: number }>>`
    INSERT INTO notification_digests AS d (tenant_id, user_id, local_date, attempts, next_attempt_at)
    VALUES (${user.tenantId}::uuid, ${user.id}::uuid, ${day}::date, 1, ${leaseUntil})
    ON CONFLICT (user_id, local_date) DO UPDATE SET attempts = d.attempts + 1, next_attempt_at = ${leaseUntil}
    WHERE d.sent_at IS NULL AND d.next_attempt_at <= ${now} AND d.attempts < ${maxAttempts}
    RETURNING d.id::text AS id, d.attempts`;
  return row ?? null;
}

export type DigestNotification = {
  id: string;
  title: string;
  message: string;
  category: NotificationCategory;
  actionUrl: string | null;
  createdAt: Date;
};

/** What the user's digest lists, by category then newest first (at most `limit`). */
export function digestNotifications(userId: string, now: Date, limit: number): Promise<DigestNotification[]> {
  return db().$queryRaw<DigestNotification[]>`
    SELECT n.id::text AS id, n.title, n.message, n.category, n.action_url AS "actionUrl", n.created_at AS "createdAt"
    FROM notifications n
    WHERE n.user_id = ${userId}::uuid AND ${pendingDigestWhere(now)}
    ORDER BY n.category, n.created_at DESC, n.id
    LIMIT ${limit}`;
}

/** The digest went out: it and each notification it listed record it (the notifications as emailed by this digest). */
export async function recordDigestSent(digestId: string, notificationIds: string[], now: Date): Promise<void> {
  await db().$transaction([
    db().$executeRaw`
      UPDATE notification_digests SET sent_at = ${now}, notification_count = ${notificationIds.length}, error = NULL, next_attempt_at = NULL
      WHERE id = ${digestId}::uuid`,
    db().$executeRaw`
      UPDATE notifications SET email_sent = true, email_sent_at = ${now}, email_digest_id = ${digestId}::uuid,
             email_error = NULL, email_next_attempt_at = NULL, updated_at = ${now}
      WHERE id = ANY(${notificationIds}::uuid[])`,
  ]);
}

/** Nothing to list after all: the claimed digest row is removed so that a later notification can still go today. */
export async function releaseDigest(digestId: string): Promise<void> {
  await db().$executeRaw`DELETE FROM notification_digests WHERE id = ${digestId}::uuid AND sent_at IS NULL`;
}

/** A failed send: tried again from `retryAt` (while attempts remain, see `claimDigest`). */
export async function recordDigestFailed(digestId: string, error: string, retryAt: Date): Promise<void> {
  await db().$executeRaw`UPDATE notification_digests SET error = ${error}, next_attempt_at = ${retryAt} WHERE id = ${digestId}::uuid`;
}
