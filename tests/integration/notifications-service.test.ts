import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/scope";
import { addDays, fixedClock } from "@/lib/clock";
import { db, Prisma, type Tx } from "@/lib/db/prisma";
import { NotFoundError } from "@/lib/errors";
import {
  createNotification,
  createNotifications,
  deleteNotification,
  deleteOldNotifications,
  getNotification,
  listNotificationPage,
  markAllNotificationsRead,
  markNotificationRead,
  unreadCount,
  updateEmailStatus,
  type NewNotification,
} from "@/lib/notifications";
import { unreadCountSql } from "@/lib/notifications/repository";
import { createTestTenant, createTestUser, type TestTenant } from "../helpers/fixtures";

let t: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  [t, other] = await Promise.all([createTestTenant("Notify svc"), createTestTenant("Notify svc other")]);
});

const query = (extra: Record<string, unknown> = {}) => ({ page: 1, page_size: 20, ...extra }) as Parameters<typeof listNotificationPage>[1];

function note(user: Scope, extra: Partial<NewNotification> = {}): NewNotification {
  return { tenantId: user.tenantId, userId: user.userId, title: "Hello", message: "World", ...extra };
}

/** A fresh user, so counts and lists start from zero. */
function freshUser(): Promise<Scope> {
  return createTestUser(t.tenantId, "SALES_REP");
}

describe("creating notifications", () => {
  it("creates a notification with every field of the model", async () => {
    const user = await freshUser();
    const relatedId = randomUUID();
    const row = await createNotification(
      note(user, {
        title: "Quote expired",
        message: "Q-1 expired yesterday.",
        type: "WARNING",
        category: "QUOTE",
        actionUrl: "/quotes",
        actionLabel: "Open quotes",
        relatedEntityType: "quote",
        relatedEntityId: relatedId,
      }),
    );
    expect(row).not.toBeNull();
    const out = await getNotification(user, row!.id);
    expect(out).toEqual({
      id: row!.id,
      tenant_id: t.tenantId,
      user_id: user.userId,
      title: "Quote expired",
      message: "Q-1 expired yesterday.",
      type: "WARNING",
      category: "QUOTE",
      critical: false,
      action_url: "/quotes",
      action_label: "Open quotes",
      is_read: false,
      read_at: null,
      email_sent: false,
      email_sent_at: null,
      email_error: null,
      related_entity_type: "quote",
      related_entity_id: relatedId,
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
    });
  });

  it("defaults to INFO / GENERAL", async () => {
    const user = await freshUser();
    const row = await createNotification(note(user));
    expect(row).toMatchObject({ type: "INFO", category: "GENERAL", isRead: false });
  });

  it("creates in bulk and returns the number created", async () => {
    const [a, b] = await Promise.all([freshUser(), freshUser()]);
    const count = await createNotifications([note(a, { title: "1" }), note(a, { title: "2" }), note(b, { title: "3" })]);
    expect(count).toBe(3);
    expect((await unreadCount(a)).unread_count).toBe(2);
    expect((await unreadCount(b)).unread_count).toBe(1);
    expect(await createNotifications([])).toBe(0);
  });

  it("never creates the same dedupe key twice for a user", async () => {
    const [a, b] = await Promise.all([freshUser(), freshUser()]);
    const key = `check:${randomUUID()}`;
    expect(await createNotification(note(a, { dedupeKey: key }))).not.toBeNull();
    expect(await createNotification(note(a, { dedupeKey: key }))).toBeNull();
    // Same key for another user is another alert; the duplicate inside one batch is skipped.
    expect(await createNotifications([note(a, { dedupeKey: key }), note(b, { dedupeKey: key }), note(b, { dedupeKey: key })])).toBe(1);
    expect(await db().notification.count({ where: { dedupeKey: key } })).toBe(2);
  });

  it("creates each deduplicated alert once under two concurrent bulk inserts", async () => {
    const users = await Promise.all([freshUser(), freshUser(), freshUser()]);
    const key = `concurrent:${randomUUID()}`;
    const batch = users.map((u) => note(u, { dedupeKey: key }));
    const counts = await Promise.all([createNotifications(batch), createNotifications([...batch].reverse()), createNotifications(batch)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await db().notification.count({ where: { dedupeKey: key } })).toBe(3);
  });

  it("refuses a recipient that is not a user of the named tenant", async () => {
    await expect(createNotification({ ...note(t.rep), tenantId: other.tenantId })).rejects.toThrow(/not a user of tenant/);
    await expect(createNotification({ ...note(t.rep), userId: randomUUID() })).rejects.toThrow(/not a user of tenant/);
  });

  it("creates inside the caller's transaction and nothing when it rolls back", async () => {
    const user = await freshUser();
    await expect(
      db().$transaction(async (tx) => {
        await createNotification(note(user, { title: "rolled back" }), tx);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect((await unreadCount(user)).unread_count).toBe(0);
    await db().$transaction((tx) => createNotification(note(user, { title: "committed" }), tx));
    expect((await unreadCount(user)).unread_count).toBe(1);
  });
});

describe("reading notifications", () => {
  it("gets a notification by id", async () => {
    const row = await createNotification(note(t.rep, { title: "Mine" }));
    expect(await getNotification(t.rep, row!.id)).toMatchObject({ id: row!.id, title: "Mine" });
  });

  it("does not get another user's or another tenant's notification (404)", async () => {
    const row = await createNotification(note(t.rep, { title: "Private" }));
    await expect(getNotification(t.otherRep, row!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getNotification(t.admin, row!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getNotification({ ...other.admin, userId: t.rep.userId }, row!.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists with pagination, newest first", async () => {
    const user = await freshUser();
    for (let i = 1; i <= 5; i++) await createNotification(note(user, { title: `N${i}` }));
    const first = await listNotificationPage(user, query({ page: 1, page_size: 2 }));
    expect(first).toMatchObject({ total: 5, unread_count: 5, page: 1, page_size: 2, total_pages: 3 });
    expect(first.items.map((n) => n.title)).toEqual(["N5", "N4"]);
    const last = await listNotificationPage(user, query({ page: 3, page_size: 2 }));
    expect(last.items.map((n) => n.title)).toEqual(["N1"]);
  });

  it("filters by read status", async () => {
    const user = await freshUser();
    const read = await createNotification(note(user, { title: "read" }));
    await createNotification(note(user, { title: "unread" }));
    await markNotificationRead(user, read!.id);
    const unread = await listNotificationPage(user, query({ is_read: false }));
    expect(unread.items.map((n) => n.title)).toEqual(["unread"]);
    expect(unread).toMatchObject({ total: 1, unread_count: 1 });
    const readOnly = await listNotificationPage(user, query({ is_read: true }));
    expect(readOnly.items.map((n) => n.title)).toEqual(["read"]);
    expect(readOnly).toMatchObject({ total: 1, unread_count: 1 });
  });

  it("filters by type and by category", async () => {
    const user = await freshUser();
    await createNotifications([
      note(user, { title: "w", type: "WARNING", category: "QUOTE" }),
      note(user, { title: "e", type: "ERROR", category: "MAINTENANCE" }),
      note(user, { title: "w2", type: "WARNING", category: "OPPORTUNITY" }),
    ]);
    const warnings = await listNotificationPage(user, query({ type: "WARNING" }));
    expect(warnings.items.map((n) => n.title).sort()).toEqual(["w", "w2"]);
    const maintenance = await listNotificationPage(user, query({ category: "MAINTENANCE" }));
    expect(maintenance.items.map((n) => n.title)).toEqual(["e"]);
    const both = await listNotificationPage(user, query({ type: "WARNING", category: "QUOTE" }));
    expect(both.items.map((n) => n.title)).toEqual(["w"]);
  });

  it("counts unread notifications (deleted and read ones excluded)", async () => {
    const user = await freshUser();
    const [a, b] = await Promise.all([createNotification(note(user)), createNotification(note(user))]);
    await createNotification(note(user));
    await markNotificationRead(user, a!.id);
    await deleteNotification(user, b!.id);
    expect(await unreadCount(user)).toEqual({ unread_count: 1 });
  });

  it("counts unread with one index-served COUNT that the partial index idx_notifications_unread_only covers alone", async () => {
    const scratch = await createTestTenant("Explain");
    for (const user of [scratch.admin, scratch.supervisor, scratch.rep, scratch.otherRep]) {
      await db().$executeRaw`
        INSERT INTO notifications (tenant_id, user_id, title, message, is_read)
        SELECT ${scratch.tenantId}::uuid, ${user.userId}::uuid, 'bulk ' || i, 'm', i % 10 <> 0
        FROM generate_series(1, 5000) AS i`;
    }
    await db().$executeRawUnsafe("VACUUM (ANALYZE) notifications");
    const explain = (client: Tx) =>
      client
        .$queryRaw<Array<{ "QUERY PLAN": string }>>(Prisma.sql`EXPLAIN ${unreadCountSql(scratch.rep.userId)}`)
        .then((rows) => rows.map((r) => r["QUERY PLAN"]).join("\n"));

    // The planner's own choice: one aggregate over an index, never a sequential scan. On a vacuumed table it is an
    // Index Only Scan of the partial index; while the visibility map is unset (other test files writing at the same
    // time) a bitmap scan of the partial or of the (user_id, is_read) index costs about the same, so either may be chosen.
    const natural = await explain(db());
    console.info(`unread-count plan:\n${natural}`);
    expect(natural).toMatch(/^Aggregate/);
    expect(natural).not.toContain("Seq Scan");
    expect(natural).toMatch(/(Index Only Scan using|Index Scan using|Bitmap Index Scan on) idx_notifications_/);

    // Among plain index scans the partial index wins: it alone answers the COUNT (an Index Only Scan, no filter).
    const indexOnly = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return explain(tx);
    });
    expect(indexOnly).toContain("Index Only Scan using idx_notifications_unread_only on notifications");
    expect(indexOnly).not.toContain("Filter");
    expect((await unreadCount(scratch.rep)).unread_count).toBe(500);
  });
});

describe("changing notifications", () => {
  it("marks as read, idempotently, keeping the first read_at", async () => {
    const user = await freshUser();
    const row = await createNotification(note(user));
    const first = await markNotificationRead(user, row!.id, fixedClock("2026-01-05T10:00:00Z"));
    expect(first).toMatchObject({ is_read: true, read_at: "2026-01-05T10:00:00.000Z" });
    const again = await markNotificationRead(user, row!.id, fixedClock("2026-01-06T10:00:00Z"));
    expect(again).toMatchObject({ is_read: true, read_at: "2026-01-05T10:00:00.000Z" });
    expect(await unreadCount(user)).toEqual({ unread_count: 0 });
  });

  it("marks all as read and says how many", async () => {
    const user = await freshUser();
    const read = await createNotification(note(user));
    await markNotificationRead(user, read!.id);
    await createNotifications([note(user), note(user), note(user)]);
    expect(await markAllNotificationsRead(user)).toEqual({ message: "Marked 3 notifications as read", count: 3 });
    expect(await markAllNotificationsRead(user)).toEqual({ message: "Marked 0 notifications as read", count: 0 });
    expect(await unreadCount(user)).toEqual({ unread_count: 0 });
    expect((await getNotification(user, read!.id)).read_at).not.toBeNull();
  });

  it("updates the email status (sent)", async () => {
    const row = await createNotification(note(t.rep));
    const updated = await updateEmailStatus(row!.id, { sent: true }, fixedClock("2026-02-01T08:00:00Z"));
    expect(updated).toMatchObject({ emailSent: true, emailError: null });
    expect(updated.emailSentAt?.toISOString()).toBe("2026-02-01T08:00:00.000Z");
  });

  it("updates the email status with an error", async () => {
    const row = await createNotification(note(t.rep));
    const updated = await updateEmailStatus(row!.id, { sent: false, error: "Mailbox unavailable" });
    expect(updated).toMatchObject({ emailSent: false, emailSentAt: null, emailError: "Mailbox unavailable" });
    const retried = await updateEmailStatus(row!.id, { sent: true });
    expect(retried).toMatchObject({ emailSent: true, emailError: null });
    await expect(updateEmailStatus(randomUUID(), { sent: true })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deletes (soft) only the caller's own notification", async () => {
    const row = await createNotification(note(t.rep));
    await expect(deleteNotification(t.otherRep, row!.id)).rejects.toBeInstanceOf(NotFoundError);
    await deleteNotification(t.rep, row!.id);
    await expect(getNotification(t.rep, row!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteNotification(t.rep, row!.id)).rejects.toBeInstanceOf(NotFoundError);
    const kept = await db().notification.findUniqueOrThrow({ where: { id: row!.id } });
    expect(kept).toMatchObject({ isDeleted: true });
    expect(kept.deletedAt).not.toBeNull();
  });

  it("deletes old notifications: read and old go, unread and recent stay", async () => {
    const user = await freshUser();
    // The real "now": the cleanup is tenant-wide, and other test files' read notifications are recent.
    const now = new Date();
    const [oldRead, oldUnread, recentRead, edgeRead] = await Promise.all([
      createNotification(note(user, { title: "old read" })),
      createNotification(note(user, { title: "old unread" })),
      createNotification(note(user, { title: "recent read" })),
      createNotification(note(user, { title: "89 days read" })),
    ]);
    const age = async (id: string, createdAt: Date, read: boolean) =>
      db().notification.update({ where: { id }, data: { createdAt, isRead: read, readAt: read ? createdAt : null } });
    await age(oldRead!.id, addDays(now, -120), true);
    await age(oldUnread!.id, addDays(now, -120), false);
    await age(recentRead!.id, addDays(now, -5), true);
    await age(edgeRead!.id, addDays(now, -89), true);

    expect(await deleteOldNotifications(90, fixedClock(now))).toBeGreaterThanOrEqual(1);
    const rows = await db().notification.findMany({
      where: { userId: user.userId },
      select: { title: true, isDeleted: true, deletedAt: true },
    });
    const state = Object.fromEntries(rows.map((r) => [r.title, r.isDeleted]));
    expect(state).toEqual({ "old read": true, "old unread": false, "recent read": false, "89 days read": false });
    expect(rows.find((r) => r.title === "old read")!.deletedAt?.toISOString()).toBe(now.toISOString());
    expect(await deleteOldNotifications(90, fixedClock(now))).toBe(0);
  });
});
