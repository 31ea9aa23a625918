/**
 * Reading notifications while new ones keep arriving, through the real route handlers: counts stay exact (no
 * notification counted twice or lost), everything that existed before "mark all read" began ends up read, and
 * read_at is set exactly on the read rows and never moved by a later call.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createNotification, createNotifications, type NewNotification } from "@/lib/notifications";
import { get, patch, post } from "../helpers/api";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";

let t: TestTenant;

beforeAll(async () => {
  t = await createTestTenant("Concurrent read");
});

const fresh = () => createTestUser(t.tenantId, "SALES_REP");
const note = (user: TestUser, title: string, extra: Partial<NewNotification> = {}): NewNotification => ({
  tenantId: user.tenantId,
  userId: user.userId,
  title,
  message: `${title} message`,
  ...extra,
});
const batch = (user: TestUser, label: string, size: number) => Array.from({ length: size }, (_, i) => note(user, `${label} ${i}`));
const markAllRead = (user: TestUser) => post("/notifications/mark-all-read", undefined, { token: user.token });
const unreadCount = async (user: TestUser) => (await get("/notifications/unread-count", { token: user.token })).body.unread_count as number;
const rowsOf = (user: TestUser) =>
  db().notification.findMany({ where: { userId: user.userId }, select: { id: true, isRead: true, readAt: true, title: true } });

describe("mark-all-read under concurrency", () => {
  it("counts each notification once when several mark-all-read calls run at the same moment", async () => {
    const user = await fresh();
    await createNotifications(batch(user, "Old", 40));
    const responses = await Promise.all(Array.from({ length: 5 }, () => markAllRead(user)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const r of responses) expect(r.body.message).toBe(`Marked ${r.body.count} notifications as read`);
    expect(responses.reduce((sum, r) => sum + r.body.count, 0)).toBe(40);
    const rows = await rowsOf(user);
    expect(rows.every((row) => row.isRead && row.readAt !== null)).toBe(true);
    expect(await unreadCount(user)).toBe(0);
  });

  it("keeps the unread count exact while new notifications arrive during mark-all-read", async () => {
    const user = await fresh();
    await createNotifications(batch(user, "Before", 30));
    const before = await rowsOf(user);

    const creating = Array.from({ length: 6 }, (_, i) => createNotifications(batch(user, `During ${i}`, 25)));
    const marking = Array.from({ length: 3 }, () => markAllRead(user));
    const [created, marked] = await Promise.all([Promise.all(creating), Promise.all(marking)]);

    expect(created).toEqual([25, 25, 25, 25, 25, 25]);
    expect(marked.map((r) => r.status)).toEqual([200, 200, 200]);
    const rows = await rowsOf(user);
    expect(rows).toHaveLength(30 + 150);
    // Everything that existed when mark-all-read began is read; what arrived meanwhile is read or unread, never lost.
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(before.every((row) => byId.get(row.id)!.isRead)).toBe(true);
    const read = rows.filter((row) => row.isRead);
    const unread = rows.filter((row) => !row.isRead);
    expect(marked.reduce((sum, r) => sum + r.body.count, 0)).toBe(read.length);
    expect(read.every((row) => row.readAt !== null)).toBe(true);
    expect(unread.every((row) => row.readAt === null)).toBe(true);
    expect(await unreadCount(user)).toBe(unread.length);
    const listed = await get("/notifications?is_read=false&page_size=100", { token: user.token });
    expect(listed.body).toMatchObject({ total: unread.length, unread_count: unread.length });

    // A later call reads the rest and leaves the read_at of the rows read earlier as it was.
    const last = await markAllRead(user);
    expect(last.body.count).toBe(unread.length);
    const after = new Map((await rowsOf(user)).map((row) => [row.id, row]));
    for (const row of read) expect(after.get(row.id)!.readAt).toEqual(row.readAt);
    expect(await unreadCount(user)).toBe(0);
  });

  it("marks one notification read from several tabs at once: one read_at, the count drops by one", async () => {
    const user = await fresh();
    const row = await createNotification(note(user, "Shared"));
    await createNotification(note(user, "Other"));
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => patch(`/notifications/${row!.id}/read`, undefined, { token: user.token })),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(responses.map((r) => r.body.read_at)).size).toBe(1);
    const stored = await db().notification.findUniqueOrThrow({ where: { id: row!.id } });
    expect(stored.readAt!.toISOString()).toBe(responses[0]!.body.read_at);
    expect(await unreadCount(user)).toBe(1);
  });
});

describe("deduplicated alerts under concurrency", () => {
  it("creates one row when ten writers raise the same dedupe key at the same moment", async () => {
    const user = await fresh();
    const key = `concurrent-alert:${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createNotification(note(user, `Alert ${i}`, { dedupeKey: key }))),
    );
    expect(results.filter((row) => row !== null)).toHaveLength(1);
    expect(await db().notification.count({ where: { userId: user.userId, dedupeKey: key } })).toBe(1);
    expect(await unreadCount(user)).toBe(1);
  });
});
