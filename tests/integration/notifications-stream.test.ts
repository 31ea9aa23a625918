import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPgClient } from "@/scripts/db/pg-client";
import { db, Prisma } from "@/lib/db/prisma";
import {
  createNotification,
  createNotifications,
  createNotificationsFrom,
  deleteNotification,
  getNotification,
  markAllNotificationsRead,
  markNotificationRead,
  notificationEventStream,
} from "@/lib/notifications";
import { liveHub, LISTEN_APPLICATION_NAME } from "@/lib/notifications/live";
import { encodeLiveEvents, NOTIFICATION_CHANNEL } from "@/lib/notifications/live-events";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";
import { openSse, type SseClient, type SseEvent } from "../helpers/sse";

let t: TestTenant;
const open: SseClient[] = [];

beforeAll(async () => {
  t = await createTestTenant("Notify stream");
});

afterAll(async () => {
  for (const client of open) client.abort();
  await liveHub().close();
});

async function connect(user: TestUser, lastEventId?: string): Promise<SseClient> {
  const client = await openSse(user.token, { lastEventId });
  open.push(client);
  return client;
}

const fresh = () => createTestUser(t.tenantId, "SALES_REP");
const give = (user: TestUser, title = "Live one") =>
  createNotification({ tenantId: user.tenantId, userId: user.userId, title, message: "m" });

describe("GET /notifications/stream", () => {
  it("is an event stream that starts with a retry hint and the unread count", async () => {
    const user = await fresh();
    await give(user);
    const sse = await connect(user);
    expect(sse.status).toBe(200);
    expect(sse.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(sse.headers.get("cache-control")).toBe("no-store, no-transform");
    const first = await sse.next("unread_count");
    expect(first.json).toEqual({ unread_count: 1 });
    expect(sse.retry).toBe(5000);
    expect(sse.events[0]).toBe(first);
  });

  it("pushes a new notification of the user and the new count, and nothing of another user's", async () => {
    const [user, neighbour] = await Promise.all([fresh(), fresh()]);
    const sse = await connect(user);
    await sse.next("unread_count");

    const row = await give(user, "Deal assigned");
    const pushed = await sse.next("notification");
    expect(pushed.json).toEqual(await getNotification(user, row!.id));
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 1 });

    await give(neighbour, "Not yours");
    await createNotifications([{ tenantId: t.tenantId, userId: t.admin.userId, title: "Admin's", message: "m" }]);
    expect(await skippedBefore(sse, user)).toEqual([]);
  });

  it("sends the count when notifications are read, all read or deleted", async () => {
    const user = await fresh();
    const sse = await connect(user);
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 0 });
    const [a, b] = [await give(user, "a"), await give(user, "b")];
    await give(user, "c");
    for (const title of ["a", "b", "c"]) await sse.next("notification", (e) => e.json.title === title);
    await sse.nextAfter("unread_count", (e) => e.json.unread_count === 3);

    await markNotificationRead(user, a!.id);
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 2 });
    await deleteNotification(user, b!.id);
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 1 });
    await markAllNotificationsRead(user);
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 0 });
    // Reading an already read notification changes nothing, so nothing is sent.
    await markNotificationRead(user, a!.id);
    expect(await skippedBefore(sse, user)).toEqual([]);
  });

  it("delivers to every open stream of the user (several tabs), once per bulk insert per notification", async () => {
    const user = await fresh();
    const [tab1, tab2] = [await connect(user), await connect(user)];
    await Promise.all([tab1.next("unread_count"), tab2.next("unread_count")]);
    await createNotifications([1, 2].map((i) => ({ tenantId: t.tenantId, userId: user.userId, title: `bulk ${i}`, message: "m" })));
    for (const tab of [tab1, tab2]) {
      const titles = [(await tab.next("notification")).json.title, (await tab.next("notification")).json.title].sort();
      expect(titles).toEqual(["bulk 1", "bulk 2"]);
      expect((await tab.next("unread_count", (e) => e.json.unread_count === 2)).json).toEqual({ unread_count: 2 });
    }
    await give(user, "sentinel");
    for (const tab of [tab1, tab2]) {
      const { skipped } = await tab.nextAfter("notification", (e) => e.json.title === "sentinel");
      expect(skipped.filter((e) => e.event === "notification")).toEqual([]);
    }
  });

  it("hears a notification only once its transaction commits", async () => {
    const user = await fresh();
    const sse = await connect(user);
    await sse.next("unread_count");
    await db()
      .$transaction(async (tx) => {
        await createNotification({ tenantId: t.tenantId, userId: user.userId, title: "rolled back", message: "m" }, tx);
        throw new Error("rollback");
      })
      .catch(() => undefined);
    await db().$transaction((tx) =>
      createNotification({ tenantId: t.tenantId, userId: user.userId, title: "committed", message: "m" }, tx),
    );
    const { event, skipped } = await sse.nextAfter("notification");
    expect(event.json.title).toBe("committed");
    expect(skipped).toEqual([]);
  });

  it("hears notifications written by another app instance (a separate connection that NOTIFYs)", async () => {
    const user = await fresh();
    const sse = await connect(user);
    await sse.next("unread_count");
    await withPgClient(process.env.DATABASE_URL!, (instance) => insertElsewhere(instance, user, "From elsewhere"));
    expect((await sse.next("notification")).json.title).toBe("From elsewhere");
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 1 });
  });

  it("reconnects its LISTEN connection when it drops and catches up the notifications and count it missed", async () => {
    const user = await fresh();
    const sse = await connect(user);
    await sse.next("unread_count");
    const connections = liveHub().connectionCount();
    const { rows } = await killListenConnection();
    expect(rows.length).toBeGreaterThan(0);
    await expect.poll(() => liveHub().isListening(), { timeout: 10_000 }).toBe(false);
    // A notification written while the connection is down is caught up by the resync after reconnecting.
    const whileDown = await give(user, "while down");
    await expect.poll(() => liveHub().connectionCount(), { timeout: 10_000 }).toBeGreaterThan(connections);
    const caughtUp = await sse.next("notification", undefined, 10_000);
    expect(caughtUp.json).toEqual(await getNotification(user, whileDown!.id));
    expect((await sse.next("unread_count", (e) => e.json.unread_count === 1, 10_000)).json).toEqual({ unread_count: 1 });
    await give(user, "after reconnect");
    const { event, skipped } = await sse.nextAfter("notification", (e) => e.json.title === "after reconnect", 10_000);
    expect(BigInt(event.id!)).toBeGreaterThan(BigInt(caughtUp.id!));
    expect(skipped.filter((e) => e.event === "notification")).toEqual([]);
  });

  it("sends heartbeat comments", async () => {
    const user = await fresh();
    const sse = await openSse(user.token, {
      handler: async (request) => notificationEventStream(user, request.signal, { heartbeatMs: 50 }),
    });
    open.push(sse);
    await sse.next("unread_count");
    await expect.poll(() => sse.comments.filter((c) => c === "heartbeat").length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
  });

  it("closes and unsubscribes when the client goes away", async () => {
    const user = await fresh();
    const sse = await connect(user);
    await sse.next("unread_count");
    expect(liveHub().subscriberCount(user.userId)).toBe(1);
    sse.abort();
    await sse.ended;
    expect(liveHub().subscriberCount(user.userId)).toBe(0);
    const received = sse.events.length;
    await give(user, "after close");
    expect(sse.events.length).toBe(received);
  });
});

describe("resuming the stream with Last-Event-ID", () => {
  it("gives each notification event an id, and after the instance went away replays exactly what was missed, once and in order", async () => {
    const [user, neighbour] = await Promise.all([fresh(), fresh()]);
    const before = await connect(user);
    await before.next("unread_count");
    await give(user, "seen 1");
    await give(user, "seen 2");
    const seen = [await before.next("notification"), await before.next("notification")];
    expect(seen.map((e) => e.json.title)).toEqual(["seen 1", "seen 2"]);
    expect(BigInt(seen[1]!.id!)).toBeGreaterThan(BigInt(seen[0]!.id!));
    const lastSeen = before.lastEventId;
    expect(lastSeen).toBe(seen[1]!.id);
    before.abort();
    await before.ended;
    // The instance is gone: nothing listens, so nothing is heard of what follows.
    await liveHub().close();

    await give(user, "missed 1");
    await createNotifications([
      { tenantId: t.tenantId, userId: neighbour.userId, title: "not yours", message: "m" },
      { tenantId: t.tenantId, userId: user.userId, title: "missed 2", message: "m" },
    ]);
    await withPgClient(process.env.DATABASE_URL!, (instance) => insertElsewhere(instance, user, "missed 3"));

    const resumed = await connect(user, lastSeen);
    const replayed = [await resumed.next("notification"), await resumed.next("notification"), await resumed.next("notification")];
    expect(replayed.map((e) => e.json.title)).toEqual(["missed 1", "missed 2", "missed 3"]);
    expect(increasing([lastSeen, ...replayed.map((e) => e.id!)])).toBe(true);
    expect((await resumed.next("unread_count")).json).toEqual({ unread_count: 5 });
    expect(resumed.lastEventId).toBe(replayed[2]!.id);

    await give(user, "live again");
    await resumed.next("notification", (e) => e.json.title === "live again");
    expect(notificationTitles(resumed)).toEqual(["missed 1", "missed 2", "missed 3", "live again"]);
    expect(resumed.events.filter((e) => e.event === "refetch")).toEqual([]);
  });

  it("replays up to 100 missed notifications one by one, and past that sends one refetch and goes on from the newest", async () => {
    const user = await fresh();
    const before = await connect(user);
    await before.next("unread_count");
    await give(user, "seen");
    await before.next("notification");
    const lastSeen = before.lastEventId;
    before.abort();
    await before.ended;

    const batch = (from: number, count: number) =>
      createNotifications(
        Array.from({ length: count }, (_, i) => ({ tenantId: t.tenantId, userId: user.userId, title: `missed ${from + i}`, message: "m" })),
      );
    await batch(1, 100);
    const atLimit = await connect(user, lastSeen);
    await atLimit.next("notification", (e) => e.json.title === "missed 100");
    expect(notificationTitles(atLimit)).toEqual(Array.from({ length: 100 }, (_, i) => `missed ${i + 1}`));
    expect(increasing(atLimit.events.filter((e) => e.event === "notification").map((e) => e.id!))).toBe(true);
    atLimit.abort();

    await batch(101, 1);
    const pastLimit = await connect(user, lastSeen);
    const refetch = await pastLimit.next("refetch");
    expect(refetch.json).toEqual({ reason: "missed_too_many", replay_limit: 100 });
    expect(refetch.id).toBe(String(await newestSeq(user)));
    expect((await pastLimit.next("unread_count")).json).toEqual({ unread_count: 102 });
    await give(user, "after refetch");
    const { skipped } = await pastLimit.nextAfter("notification", (e) => e.json.title === "after refetch");
    expect(skipped).toEqual([]);
    expect(notificationTitles(pastLimit)).toEqual(["after refetch"]);
    expect(pastLimit.events.filter((e) => e.event === "refetch")).toHaveLength(1);

    // Resuming from the refetch's id sends only what came after it.
    const fromRefetch = await connect(user, refetch.id!);
    expect((await fromRefetch.next("notification")).json.title).toBe("after refetch");
  });

  it("ignores a malformed or foreign Last-Event-ID and starts from now", async () => {
    const user = await fresh();
    await give(user, "old 1");
    await give(user, "old 2");
    const newest = await newestSeq(user);
    const ignored = ["", "abc", "-1", "1.5", "1e3", " ", "0x1", "99999999999999999999", "9223372036854775808", String(newest + 1000n)];
    for (const [i, lastEventId] of ignored.entries()) {
      const sse = await connect(user, lastEventId);
      expect(sse.status).toBe(200);
      // Each round's sentinel below adds one to the count.
      expect((await sse.next("unread_count")).json).toEqual({ unread_count: 2 + i });
      expect(await skippedBefore(sse, user)).toEqual([]);
      sse.abort();
    }
  });

  it("numbers a user's notifications in the order they become visible: a second writer waits for the first to commit", async () => {
    const user = await fresh();
    const sse = await connect(user);
    await sse.next("unread_count");
    await withPgClient(process.env.DATABASE_URL!, async (slow) => {
      const [{ pid }] = (await slow.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows as [{ pid: number }];
      await slow.query("BEGIN");
      await slow.query("INSERT INTO notifications (tenant_id, user_id, title, message) VALUES ($1, $2, 'slow', 'm')", [
        t.tenantId,
        user.userId,
      ]);
      const fast = give(user, "fast");
      await expect.poll(() => blockedBy(pid), { timeout: 10_000 }).toBe(true);
      await notifyCreated(slow, user);
      await slow.query("COMMIT");
      await fast;
    });
    const events = [await sse.next("notification"), await sse.next("notification")];
    expect(events.map((e) => e.json.title)).toEqual(["slow", "fast"]);
    expect(increasing(events.map((e) => e.id!))).toBe(true);
  });

  it("keeps ids in visibility order under 20 concurrent writers, so that a replay from any id seen has no gap", async () => {
    const user = await fresh();
    const sse = await connect(user);
    await sse.next("unread_count");

    // What a reader sees while the writers run: every snapshot must be a prefix of the final order.
    const snapshots: string[][] = [];
    let writing = true;
    const reader = withPgClient(process.env.DATABASE_URL!, async (client) => {
      while (writing) {
        const { rows } = await client.query<{ seq: string }>(
          "SELECT seq::text FROM notifications WHERE user_id = $1 ORDER BY notifications.seq",
          [user.userId],
        );
        snapshots.push(rows.map((row) => row.seq));
      }
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => concurrentWriter(user, i)));
    writing = false;
    await reader;

    const { rows: final } = await withPgClient(process.env.DATABASE_URL!, (client) =>
      client.query<{ seq: string; title: string }>(
        "SELECT seq::text, title FROM notifications WHERE user_id = $1 ORDER BY notifications.seq",
        [user.userId],
      ),
    );
    expect(final).toHaveLength(25);
    const order = final.map((row) => row.seq);
    expect(snapshots.length).toBeGreaterThan(1);
    for (const snapshot of snapshots) expect(snapshot).toEqual(order.slice(0, snapshot.length));

    await sse.next("notification", (e) => e.id === order.at(-1));
    expect(sse.events.filter((e) => e.event === "notification").map((e) => e.id)).toEqual(order);
    for (let seen = 1; seen < order.length; seen += 1) {
      const resumed = await connect(user, order[seen - 1]);
      await resumed.next("notification", (e) => e.id === order.at(-1));
      expect(resumed.events.filter((e) => e.event === "notification").map((e) => e.json.title)).toEqual(
        final.slice(seen).map((row) => row.title),
      );
      resumed.abort();
    }
  });
});

/**
 * The events `sse` received, and nobody took, before the notification of a sentinel given to `user` now: an
 * empty list proves that nothing was sent before it (a NOTIFY reaches the listener in commit order).
 */
async function skippedBefore(sse: SseClient, user: TestUser) {
  const sentinel = await give(user, "sentinel");
  const { skipped } = await sse.nextAfter("notification", (e) => e.json.id === sentinel!.id);
  return skipped;
}

/** Terminates this process's LISTEN connection (selected first: a WHERE does not promise to test the filters before the call). */
async function killListenConnection(): Promise<{ rows: number[] }> {
  const found = await db().$queryRaw<Array<{ pid: number }>>`
    SELECT pid FROM pg_stat_activity WHERE application_name = ${LISTEN_APPLICATION_NAME} AND datname = current_database()`;
  const rows = found.map((row) => row.pid);
  for (const pid of rows) await db().$queryRaw`SELECT pg_terminate_backend(${pid}::int) AS killed`;
  return { rows };
}

/** Inserts a notification the way another app instance (or any other writer) would: plain SQL and a NOTIFY, one transaction. */
async function insertElsewhere(instance: pg.Client, user: TestUser, title: string): Promise<void> {
  await instance.query("BEGIN");
  await instance.query("INSERT INTO notifications (tenant_id, user_id, title, message) VALUES ($1, $2, $3, 'm')", [
    user.tenantId,
    user.userId,
    title,
  ]);
  await notifyCreated(instance, user);
  await instance.query("COMMIT");
}

async function notifyCreated(client: pg.Client, user: TestUser): Promise<void> {
  const [payload] = encodeLiveEvents([{ userId: user.userId, kind: "created", notificationIds: [] }]);
  await client.query("SELECT pg_notify($1, $2)", [NOTIFICATION_CHANNEL, payload]);
}

/**
 * Writer `i` of the concurrency test, each in its own transaction through one of the write paths: plain SQL (the
 * trigger numbers it) held open a while, a single create held open a while, a bulk create of two, an INSERT … SELECT.
 */
async function concurrentWriter(user: TestUser, i: number): Promise<void> {
  const title = `writer ${i}`;
  const hold = ((i * 37) % 100) / 1000;
  switch (i % 4) {
    case 0:
      return withPgClient(process.env.DATABASE_URL!, async (client) => {
        await client.query("BEGIN");
        await client.query("INSERT INTO notifications (tenant_id, user_id, title, message) VALUES ($1, $2, $3, 'm')", [
          user.tenantId,
          user.userId,
          title,
        ]);
        await client.query("SELECT pg_sleep($1)", [hold]);
        await notifyCreated(client, user);
        await client.query("COMMIT");
      });
    case 1:
      await db().$transaction(
        async (tx) => {
          await createNotification({ tenantId: user.tenantId, userId: user.userId, title, message: "m" }, tx);
          await tx.$executeRaw`SELECT pg_sleep(${hold}::float8)`;
        },
        { maxWait: 60_000, timeout: 60_000 },
      );
      return;
    case 2:
      await createNotifications(
        [`${title} a`, `${title} b`].map((name) => ({ tenantId: user.tenantId, userId: user.userId, title: name, message: "m" })),
      );
      return;
    default:
      await createNotificationsFrom(
        Prisma.sql`SELECT ${user.tenantId}::uuid, ${user.userId}::uuid, ${title}, 'm', 'INFO'::notification_type, 'GENERAL'::notification_category,
                          NULL, NULL, NULL, NULL::uuid, NULL, false, false`,
      );
  }
}

/** Whether some backend is waiting for a lock that backend `pid` holds. */
async function blockedBy(pid: number): Promise<boolean> {
  const [row] = await db().$queryRaw<Array<{ blocked: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE ${pid}::int = ANY (pg_blocking_pids(pid))) AS blocked`;
  return row?.blocked ?? false;
}

async function newestSeq(user: TestUser): Promise<bigint> {
  const row = await db().notificationStream.findUnique({ where: { userId: user.userId } });
  return row?.lastSeq ?? 0n;
}

const increasing = (ids: string[]) => ids.every((id, i) => i === 0 || BigInt(id) > BigInt(ids[i - 1]!));

const notificationTitles = (sse: SseClient) => sse.events.filter((e: SseEvent) => e.event === "notification").map((e) => e.json.title);
