import type { Scope } from "@/lib/scope";
import { db, Prisma, queryRows, type Tx } from "@/lib/db";
import type { NotificationCategory, NotificationType } from "@/lib/generated/prisma/enums";
import { type PageRequest, skipTake } from "@/lib/http";
import { notificationSelect, type NotificationRow } from "./serialize";

export type NotificationFilter = { isRead?: boolean; type?: NotificationType; category?: NotificationCategory };

export type NotificationData = Prisma.NotificationCreateManyInput;

/** Everyone, managers included, reaches only their own live notifications. */
function ownWhere(scope: Scope): Prisma.NotificationWhereInput {
  return { tenantId: scope.tenantId, userId: scope.userId, isDeleted: false, inApp: true };
}

/**
 * The unread count as one COUNT served by the partial index idx_notifications_unread_only. The user id alone
 * is enough: a notification is only ever written for a user of its own tenant (see `tenantsOfUsers`).
 */
export function unreadCountSql(userId: string): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS unread FROM notifications WHERE user_id = ${userId}::uuid AND is_read = false AND is_deleted = false AND in_app = true`;
}

export async function countUnread(scope: Scope): Promise<number> {
  const [row] = await queryRows<{ unread: number }>(unreadCountSql(scope.userId));
  return row?.unread ?? 0;
}

/** A page of the caller's notifications, newest first, with the total under the filter and the unread count. */
export async function listNotifications(
  scope: Scope,
  filter: NotificationFilter,
  page: PageRequest,
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const where: Prisma.NotificationWhereInput = { ...ownWhere(scope), isRead: filter.isRead, type: filter.type, category: filter.category };
  const [rows, total, unread] = await Promise.all([
    db().notification.findMany({ where, select: notificationSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...skipTake(page) }),
    db().notification.count({ where }),
    countUnread(scope),
  ]);
  return { rows, total, unread };
}

export function findNotification(scope: Scope, id: string): Promise<NotificationRow | null> {
  return db().notification.findFirst({ where: { ...ownWhere(scope), id }, select: notificationSelect });
}

/** The newest stream id given to the user's notifications (0 before their first one). */
export async function lastStreamSeq(userId: string): Promise<bigint> {
  const stream = await db().notificationStream.findUnique({ where: { userId }, select: { lastSeq: true } });
  return stream?.lastSeq ?? 0n;
}

export type StreamedNotification = NotificationRow & { seq: bigint };

/** Up to `limit` of the caller's live notifications numbered after `afterSeq`, in stream order (uq_notifications_user_seq). */
export function notificationsAfter(scope: Scope, afterSeq: bigint, limit: number): Promise<StreamedNotification[]> {
  return db().notification.findMany({
    where: { ...ownWhere(scope), seq: { gt: afterSeq } },
    select: { ...notificationSelect, seq: true },
    orderBy: { seq: "asc" },
    take: limit,
  });
}

/** Marks one notification read unless it already is (the first read_at stays); `changed` says whether it was unread. */
export async function markRead(scope: Scope, id: string, now: Date): Promise<{ row: NotificationRow; changed: boolean } | null> {
  const { count } = await db().notification.updateMany({
    where: { ...ownWhere(scope), id, isRead: false },
    data: { isRead: true, readAt: now },
  });
  const row = await findNotification(scope, id);
  return row ? { row, changed: count > 0 } : null;
}

/** Marks one notification unread unless it already is; `changed` says whether it was read. */
export async function markUnread(scope: Scope, id: string): Promise<{ row: NotificationRow; changed: boolean } | null> {
  const { count } = await db().notification.updateMany({
    where: { ...ownWhere(scope), id, isRead: true },
    data: { isRead: false, readAt: null },
  });
  const row = await findNotification(scope, id);
  return row ? { row, changed: count > 0 } : null;
}

/** Which of these ids are the caller's live notifications. */
export async function ownNotificationIds(scope: Scope, ids: string[]): Promise<string[]> {
  const rows = await db().notification.findMany({ where: { ...ownWhere(scope), id: { in: ids } }, select: { id: true } });
  return rows.map((row) => row.id);
}

/**
 * Marks the caller's notifications among `ids` read (keeping a first read_at), unread, or deletes them, in one
 * statement; returns the ids it changed.
 */
export async function applyToMany(scope: Scope, ids: string[], action: "read" | "unread" | "delete", now: Date): Promise<string[]> {
  const change =
    action === "read"
      ? Prisma.sql`is_read = true, read_at = ${now}`
      : action === "unread"
        ? Prisma.sql`is_read = false, read_at = NULL`
        : Prisma.sql`is_deleted = true, deleted_at = ${now}`;
  const unchanged =
    action === "read" ? Prisma.sql`AND is_read = false` : action === "unread" ? Prisma.sql`AND is_read = true` : Prisma.empty;
  const rows = await queryRows<{ id: string }>(Prisma.sql`
    UPDATE notifications SET ${change}, updated_at = ${now}
    WHERE tenant_id = ${scope.tenantId}::uuid AND user_id = ${scope.userId}::uuid AND is_deleted = false AND in_app
      AND id = ANY(${ids}::uuid[]) ${unchanged}
    RETURNING id::text AS id`);
  return rows.map((row) => row.id);
}

export async function markAllRead(scope: Scope, now: Date): Promise<number> {
  const { count } = await db().notification.updateMany({
    where: { ...ownWhere(scope), isRead: false },
    data: { isRead: true, readAt: now },
  });
  return count;
}

export async function softDeleteNotification(scope: Scope, id: string, now: Date): Promise<boolean> {
  const { count } = await db().notification.updateMany({ where: { ...ownWhere(scope), id }, data: { isDeleted: true, deletedAt: now } });
  return count > 0;
}

/** What a `source` of `insertNotificationsFrom` selects, in this order (type and category as the enum types). */
export const NOTIFICATION_SOURCE_COLUMNS = [
  "tenant_id",
  "user_id",
  "title",
  "message",
  "type",
  "category",
  "action_url",
  "action_label",
  "related_entity_type",
  "related_entity_id",
  "dedupe_key",
  "email_requested",
  "critical",
] as const;

const sourceColumns = Prisma.raw(NOTIFICATION_SOURCE_COLUMNS.join(", "));

/**
 * INSERT … SELECT of the `rows` (the NOTIFICATION_SOURCE_COLUMNS, then a `position`) that numbers them for the
 * stream set-based: one bump of notification_streams per user for the whole batch, taken in user_id order (so
 * concurrent batches wait for each other instead of deadlocking), and each row's seq counted back from its user's
 * new last_seq, in position order (then dedupe key). The bump's row lock holds until commit, so one user's numbers
 * follow the order their rows become visible. A row whose (user_id, dedupe_key) already exists is skipped and leaves
 * a gap in its user's numbers. Ends before RETURNING.
 */
function numberedInsert(rows: Prisma.Sql): Prisma.Sql {
  const batchColumns = Prisma.raw(NOTIFICATION_SOURCE_COLUMNS.map((column) => `batch.${column}`).join(", "));
  return Prisma.sql`
    WITH batch AS MATERIALIZED (
      SELECT r.*, row_number() OVER (PARTITION BY r.user_id ORDER BY r.position DESC, r.dedupe_key DESC) AS from_end
      FROM (${rows}) AS r(${sourceColumns}, position)
    ),
    streams AS (
      INSERT INTO notification_streams AS s (user_id, tenant_id, last_seq)
      SELECT user_id, tenant_id, count(*) FROM batch GROUP BY user_id, tenant_id ORDER BY user_id
      ON CONFLICT (user_id) DO UPDATE SET last_seq = s.last_seq + excluded.last_seq
      RETURNING s.user_id, s.last_seq
    )
    INSERT INTO notifications (${sourceColumns}, seq)
    SELECT ${batchColumns}, streams.last_seq - batch.from_end + 1
    FROM batch JOIN streams ON streams.user_id = batch.user_id
    ORDER BY batch.user_id, batch.dedupe_key
    ON CONFLICT (user_id, dedupe_key) DO NOTHING`;
}

/**
 * One INSERT … SELECT FROM unnest(…) for the whole batch (several times faster than Prisma's createMany); a row
 * whose (user_id, dedupe_key) already exists is skipped. A user's rows get stream ids in the order given. Returns
 * the rows actually created, in no set order.
 */
export function insertNotifications(data: NotificationData[], client: Tx = db()): Promise<NotificationRow[]> {
  if (data.length === 0) return Promise.resolve([]);
  const column = <T>(pick: (row: NotificationData) => T) => data.map(pick);
  return client.$queryRaw<NotificationRow[]>`
    ${numberedInsert(Prisma.sql`
      SELECT * FROM unnest(
        ${column((r) => r.tenantId)}::uuid[], ${column((r) => r.userId)}::uuid[],
        ${column((r) => r.title)}::text[], ${column((r) => r.message)}::text[],
        ${column((r) => r.type ?? "INFO")}::text[]::notification_type[],
        ${column((r) => r.category ?? "GENERAL")}::text[]::notification_category[],
        ${column((r) => r.actionUrl ?? null)}::text[], ${column((r) => r.actionLabel ?? null)}::text[],
        ${column((r) => r.relatedEntityType ?? null)}::text[], ${column((r) => r.relatedEntityId ?? null)}::uuid[],
        ${column((r) => r.dedupeKey ?? null)}::text[], ${column((r) => r.emailRequested ?? false)}::boolean[],
        ${column((r) => r.critical ?? false)}::boolean[]
      ) WITH ORDINALITY`)}
    RETURNING id, tenant_id AS "tenantId", user_id AS "userId", title, message, type, category, critical,
              action_url AS "actionUrl", action_label AS "actionLabel", is_read AS "isRead", read_at AS "readAt",
              email_sent AS "emailSent", email_sent_at AS "emailSentAt", email_error AS "emailError",
              related_entity_type AS "relatedEntityType", related_entity_id AS "relatedEntityId",
              created_at AS "createdAt", updated_at AS "updatedAt"`;
}

/**
 * The set-based twin of `insertNotifications`, for checks that compute thousands of notifications in SQL: one
 * INSERT … SELECT of the `source` rows (columns as NOTIFICATION_SOURCE_COLUMNS), nothing shipped through the app.
 * Rows whose recipient is not a user of the row's tenant are left out (the invariant `createNotificationRows`
 * enforces), and existing (user, dedupe key) pairs are skipped. Returns the created rows' ids and recipients.
 */
export function insertNotificationsFrom(source: Prisma.Sql): Promise<Array<{ id: string; userId: string }>> {
  const columns = Prisma.raw(NOTIFICATION_SOURCE_COLUMNS.map((column) => `s.${column}`).join(", "));
  return db().$queryRaw`
    ${numberedInsert(Prisma.sql`
      SELECT ${columns}, 0 FROM (${source}) AS s(${sourceColumns})
      JOIN users recipient ON recipient.id = s.user_id AND recipient.tenant_id = s.tenant_id`)}
    RETURNING id, user_id AS "userId"`;
}

export function notificationsByIds(ids: string[]): Promise<NotificationRow[]> {
  return db().notification.findMany({
    where: { id: { in: ids } },
    select: notificationSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** The tenant of each of these users (unknown ids are absent). */
export async function tenantsOfUsers(userIds: string[], client: Tx = db()): Promise<Map<string, string>> {
  const users = await client.user.findMany({ where: { id: { in: userIds } }, select: { id: true, tenantId: true } });
  return new Map(users.map((user) => [user.id, user.tenantId]));
}

/** An attempt (sent or failed) counts in `email_attempts` and marks the email as requested. */
export type EmailStatusData = {
  emailSent: boolean;
  emailSentAt?: Date | null;
  emailError: string | null;
  emailNextAttemptAt: Date | null;
  /** An attempt was made: counted, and the notification is marked as having asked for an email. */
  attempted: boolean;
};

export async function setEmailStatus(id: string, { attempted, ...data }: EmailStatusData): Promise<NotificationRow | null> {
  const { count } = await db().notification.updateMany({
    where: { id },
    data: attempted ? { ...data, emailRequested: true, emailAttempts: { increment: 1 } } : data,
  });
  return count === 0 ? null : db().notification.findUnique({ where: { id }, select: notificationSelect });
}

/** `setEmailStatus` for many notifications, one UPDATE … FROM unnest(…); an `emailSentAt` left out keeps the stored one. */
export async function setEmailStatuses(rows: ReadonlyArray<EmailStatusData & { id: string }>): Promise<void> {
  if (rows.length === 0) return;
  const time = (date: Date | null | undefined) => (date ? date.toISOString() : null);
  await db().$executeRaw`
    UPDATE notifications n SET
      email_sent = v.sent,
      email_sent_at = CASE WHEN v.sets_sent_at THEN v.sent_at ELSE n.email_sent_at END,
      email_error = v.error,
      email_next_attempt_at = v.next_attempt_at,
      email_requested = n.email_requested OR v.attempted,
      email_attempts = n.email_attempts + CASE WHEN v.attempted THEN 1 ELSE 0 END,
      updated_at = now()
    FROM unnest(
      ${rows.map((row) => row.id)}::uuid[],
      ${rows.map((row) => row.emailSent)}::boolean[],
      ${rows.map((row) => row.emailSentAt !== undefined)}::boolean[],
      ${rows.map((row) => time(row.emailSentAt))}::text[]::timestamptz[],
      ${rows.map((row) => row.emailError)}::text[],
      ${rows.map((row) => time(row.emailNextAttemptAt))}::text[]::timestamptz[],
      ${rows.map((row) => row.attempted)}::boolean[]
    ) AS v(id, sent, sets_sent_at, sent_at, error, next_attempt_at, attempted)
    WHERE n.id = v.id`;
}

/** Soft-deletes the read notifications created before `cutoff` (idx_notifications_cleanup); unread ones stay. */
export async function softDeleteReadBefore(cutoff: Date, now: Date): Promise<number> {
  const { count } = await db().notification.updateMany({
    where: { isRead: true, isDeleted: false, createdAt: { lt: cutoff } },
    data: { isDeleted: true, deletedAt: now },
  });
  return count;
}

/** NOTIFY each payload on the channel; inside a transaction PostgreSQL delivers them only when it commits. */
export async function notifyChannel(channel: string, payloads: string[], client: Tx = db()): Promise<void> {
  if (payloads.length === 0) return;
  await client.$executeRaw`SELECT pg_notify(${channel}, payload) FROM unnest(${payloads}::text[]) AS payload`;
}
