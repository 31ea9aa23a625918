import type { Scope } from "@/lib/scope";
import { addDays, systemClock, type Clock } from "@/lib/clock";
import { db, type Prisma, type Tx } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { NotificationCategory, NotificationType } from "@/lib/generated/prisma/enums";
import { pageOf } from "@/lib/http";
import { countActiveTenantUsers } from "@/lib/users";
import { announceCreated, announceCreatedIds } from "./announce";
import { publishLive } from "./publish";
import {
  applyToMany,
  countUnread,
  findNotification,
  insertNotifications,
  insertNotificationsFrom,
  listNotifications,
  markAllRead,
  markRead,
  markUnread,
  ownNotificationIds,
  setEmailStatus,
  setEmailStatuses,
  softDeleteNotification,
  softDeleteReadBefore,
  tenantsOfUsers,
  type EmailStatusData,
} from "./repository";
import type {
  BulkNotificationsBody,
  BulkNotificationsOut,
  CreateNotificationsBody,
  ListNotificationsQuery,
  NotificationListOut,
  NotificationOut,
} from "./schemas";
import { serializeNotification, type NotificationRow } from "./serialize";

/** A notification another module (or a scheduled check) raises for one user. */
export type NewNotification = {
  tenantId: string;
  userId: string;
  title: string;
  message: string;
  type?: NotificationType;
  category?: NotificationCategory;
  actionUrl?: string | null;
  actionLabel?: string | null;
  relatedEntityType?: string | null;
  relatedEntityId?: string | null;
  /** The same alert with the same key is created for a user at most once. */
  dedupeKey?: string | null;
  /** Recorded on the row so that a failed email is retried (see lib/email). */
  emailRequested?: boolean;
  /** Shown and emailed whatever the recipient's digest and quiet-hour settings (every ERROR is, too). */
  critical?: boolean;
};

/** Creates one notification; null when its dedupe key already exists for that user. */
export async function createNotification(input: NewNotification, tx?: Tx): Promise<NotificationRow | null> {
  const [row] = await createNotificationRows([input], tx);
  return row ?? null;
}

/** Creates many in one INSERT, skipping already-existing dedupe keys; returns how many were created. */
export async function createNotifications(inputs: NewNotification[], tx?: Tx): Promise<number> {
  return (await createNotificationRows(inputs, tx)).length;
}

/**
 * The rows actually created (for callers that go on to email them). Recipients must belong to the tenant
 * named with them: that invariant is what lets the unread count filter by user alone.
 */
export async function createNotificationRows(inputs: NewNotification[], tx?: Tx): Promise<NotificationRow[]> {
  if (inputs.length === 0) return [];
  // The rows and what announces them (live event, webhook events, push queue) commit together or not at all: a
  // request that fails half-way must not have created notifications it reports as failed.
  if (!tx) return db().$transaction((own) => createNotificationRows(inputs, own), { timeout: 15_000, maxWait: 15_000 });
  const tenants = await tenantsOfUsers([...new Set(inputs.map((input) => input.userId))], tx);
  for (const input of inputs) {
    if (tenants.get(input.userId) !== input.tenantId)
      throw new Error(`Notification recipient ${input.userId} is not a user of tenant ${input.tenantId}.`);
  }
  const rows = await insertNotifications(
    inputs.map((input) => ({
      tenantId: input.tenantId,
      userId: input.userId,
      title: input.title,
      message: input.message,
      type: input.type,
      category: input.category,
      actionUrl: input.actionUrl ?? null,
      actionLabel: input.actionLabel ?? null,
      relatedEntityType: input.relatedEntityType ?? null,
      relatedEntityId: input.relatedEntityId ?? null,
      dedupeKey: input.dedupeKey ?? null,
      emailRequested: input.emailRequested ?? false,
      critical: input.critical ?? false,
    })),
    tx,
  );
  await announceCreated(rows, tx);
  return rows;
}

/**
 * Notifications computed by a SELECT (see `insertNotificationsFrom` for its columns), inserted in one statement and
 * announced live like any others; returns the ids created (for a check that goes on to email them). For scheduled
 * checks over many rows.
 */
export async function createNotificationsFrom(source: Prisma.Sql): Promise<string[]> {
  const rows = await insertNotificationsFrom(source);
  await announceCreatedIds(rows);
  return rows.map((row) => row.id);
}

/**
 * POST /notifications: managers notify active users of their own tenant. Returns the created rows too, so the
 * edge can hand them to the email module when `send_email` is set.
 */
export async function sendNotifications(
  scope: Scope,
  body: CreateNotificationsBody,
): Promise<{ created: number; rows: NotificationRow[] }> {
  const userIds = [...new Set(body.user_ids)];
  if ((await countActiveTenantUsers(scope, userIds)) !== userIds.length) {
    throw ValidationError.field("user_ids", "must all be active users of your company");
  }
  const rows = await createNotificationRows(
    userIds.map((userId) => ({
      tenantId: scope.tenantId,
      userId,
      title: body.title,
      message: body.message,
      type: body.type,
      category: body.category,
      actionUrl: body.action_url,
      actionLabel: body.action_label,
      emailRequested: body.send_email,
      critical: body.critical,
    })),
  );
  return { created: rows.length, rows };
}

export async function listNotificationPage(scope: Scope, query: ListNotificationsQuery): Promise<NotificationListOut> {
  const { rows, total, unread } = await listNotifications(
    scope,
    { isRead: query.is_read, type: query.type, category: query.category },
    query,
  );
  return { ...pageOf(rows.map(serializeNotification), total, query), unread_count: unread };
}

export async function getNotification(scope: Scope, id: string): Promise<NotificationOut> {
  const row = await findNotification(scope, id);
  if (!row) throw new NotFoundError("Notification");
  return serializeNotification(row);
}

export async function unreadCount(scope: Scope): Promise<{ unread_count: number }> {
  return { unread_count: await countUnread(scope) };
}

/** Idempotent: reading a read notification changes nothing and keeps its first read_at. */
export async function markNotificationRead(scope: Scope, id: string, clock: Clock = systemClock): Promise<NotificationOut> {
  const result = await markRead(scope, id, clock());
  if (!result) throw new NotFoundError("Notification");
  if (result.changed) await publishLive([{ userId: scope.userId, kind: "read", notificationIds: [id] }]);
  return serializeNotification(result.row);
}

/** Marks one of the caller's notifications unread (idempotent). */
export async function markNotificationUnread(scope: Scope, id: string): Promise<NotificationOut> {
  const result = await markUnread(scope, id);
  if (!result) throw new NotFoundError("Notification");
  if (result.changed) await publishLive([{ userId: scope.userId, kind: "unread", notificationIds: [id] }]);
  return serializeNotification(result.row);
}

/** PATCH /notifications/{id}: read or unread. */
export function setNotificationRead(scope: Scope, id: string, read: boolean, clock: Clock = systemClock): Promise<NotificationOut> {
  return read ? markNotificationRead(scope, id, clock) : markNotificationUnread(scope, id);
}

const BULK_LIVE_KIND = { read: "read", unread: "unread", delete: "deleted" } as const;

/** Read, unread or delete many of the caller's own notifications; ids not theirs are left alone (none theirs: 404). */
export async function bulkUpdateNotifications(
  scope: Scope,
  { ids, action }: BulkNotificationsBody,
  clock: Clock = systemClock,
): Promise<BulkNotificationsOut> {
  const unique = [...new Set(ids)];
  const changed = await applyToMany(scope, unique, action, clock());
  const notFound = await missingOf(scope, unique, changed);
  if (notFound.length === unique.length) throw new NotFoundError("Notification");
  if (changed.length > 0) await publishLive([{ userId: scope.userId, kind: BULK_LIVE_KIND[action], notificationIds: changed }]);
  return { action, changed: changed.length, not_found: notFound, unread_count: await countUnread(scope) };
}

/** The ids that are not (or no longer) the caller's live notifications; those just deleted count as found. */
async function missingOf(scope: Scope, ids: string[], changed: string[]): Promise<string[]> {
  const found = new Set([...changed, ...(await ownNotificationIds(scope, ids))]);
  return ids.filter((id) => !found.has(id));
}

export async function markAllNotificationsRead(scope: Scope, clock: Clock = systemClock): Promise<{ message: string; count: number }> {
  const count = await markAllRead(scope, clock());
  if (count > 0) await publishLive([{ userId: scope.userId, kind: "read_all", notificationIds: [] }]);
  return { message: `Marked ${count} notifications as read`, count };
}

/** Soft delete of one of the caller's own notifications. */
export async function deleteNotification(scope: Scope, id: string, clock: Clock = systemClock): Promise<void> {
  if (!(await softDeleteNotification(scope, id, clock()))) throw new NotFoundError("Notification");
  await publishLive([{ userId: scope.userId, kind: "deleted", notificationIds: [id] }]);
}

/**
 * `sent`, or a failed attempt (`error`, and when to try again: `nextAttemptAt`, none = give up), or `skipped`
 * (not sent on purpose, e.g. the user turned that category off: nothing sent, no error, no retry), or waiting
 * (`waitUntil`: e.g. the recipient's quiet hours; sent then by the retry job, no error, no attempt counted).
 */
export type EmailStatus = { sent: boolean; error?: string | null; nextAttemptAt?: Date | null; skipped?: boolean; waitUntil?: Date };

function emailStatusData(status: EmailStatus, now: Date): EmailStatusData {
  if (status.sent) return { emailSent: true, emailSentAt: now, emailError: null, emailNextAttemptAt: null, attempted: true };
  if (status.skipped || status.waitUntil) {
    return { emailSent: false, emailError: null, emailNextAttemptAt: status.waitUntil ?? null, attempted: false };
  }
  return {
    emailSent: false,
    emailError: status.error ?? "Email could not be sent.",
    emailNextAttemptAt: status.nextAttemptAt ?? null,
    attempted: true,
  };
}

/** Records the outcome of emailing a notification; every attempt (sent or failed) is counted. */
export async function updateEmailStatus(id: string, status: EmailStatus, clock: Clock = systemClock): Promise<NotificationRow> {
  const row = await setEmailStatus(id, emailStatusData(status, clock()));
  if (!row) throw new NotFoundError("Notification");
  return row;
}

/** `updateEmailStatus` for many notifications in one statement (unknown ids are ignored). */
export async function updateEmailStatuses(
  outcomes: ReadonlyArray<{ id: string; status: EmailStatus }>,
  clock: Clock = systemClock,
): Promise<void> {
  const now = clock();
  await setEmailStatuses(outcomes.map(({ id, status }) => ({ id, ...emailStatusData(status, now) })));
}

/** The monthly cleanup: soft-deletes read notifications older than `olderThanDays`; unread ones stay. */
export async function deleteOldNotifications(olderThanDays = 90, clock: Clock = systemClock): Promise<number> {
  const now = clock();
  return softDeleteReadBefore(addDays(now, -olderThanDays), now);
}
