import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import {
  createNotification,
  createNotifications,
  deleteNotification,
  getNotification,
  markAllNotificationsRead,
  markNotificationRead,
  notificationEventStream,
} from "@/lib/notifications";
import { liveHub, LISTEN_APPLICATION_NAME } from "@/lib/notifications/live";
import { encodeLiveEvents, NOTIFICATION_CHANNEL } from "@/lib/notifications/live-events";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";
import { openSse, type SseClient } from "../helpers/sse";

let t: TestTenant;
const open: SseClient[] = [];

beforeAll(async () => {
  t = await createTestTenant("Notify stream");
});

afterAll(async () => {
  for (const client of open) client.abort();
  await liveHub().close();
});

async function connect(user: TestUser): Promise<SseClient> {
  const client = await openSse(user.token);
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
    const instance = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await instance.connect();
    try {
      await instance.query("BEGIN");
      const { rows } = await instance.query<{ id: string }>(
        "INSERT INTO notifications (tenant_id, user_id, title, message) VALUES ($1, $2, 'From elsewhere', 'm') RETURNING id",
        [t.tenantId, user.userId],
      );
      const [payload] = encodeLiveEvents([{ userId: user.userId, kind: "created", notificationIds: [rows[0]!.id] }]);
      await instance.query("SELECT pg_notify($1, $2)", [NOTIFICATION_CHANNEL, payload]);
      await instance.query("COMMIT");
    } finally {
      await instance.end();
    }
    expect((await sse.next("notification")).json.title).toBe("From elsewhere");
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 1 });
  });

  it("reconnects its LISTEN connection when it drops and resynchronises the count", async () => {
    const user = await fresh();
    const sse = await connect(user);
    await sse.next("unread_count");
    const connections = liveHub().connectionCount();
    const { rows } = await killListenConnection();
    expect(rows.length).toBeGreaterThan(0);
    await expect.poll(() => liveHub().isListening(), { timeout: 10_000 }).toBe(false);
    // A notification written while the connection is down is caught up by the resync after reconnecting.
    await give(user, "while down");
    await expect.poll(() => liveHub().connectionCount(), { timeout: 10_000 }).toBeGreaterThan(connections);
    expect((await sse.next("unread_count", (e) => e.json.unread_count === 1, 10_000)).json).toEqual({ unread_count: 1 });
    await give(user, "after reconnect");
    expect((await sse.next("notification", (e) => e.json.title === "after reconnect", 10_000)).json.title).toBe("after reconnect");
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
