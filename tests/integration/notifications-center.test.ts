import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotification } from "@/lib/notifications";
import { liveHub } from "@/lib/notifications/live";
import { get, patch, post } from "../helpers/api";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";
import { openSse, type SseClient } from "../helpers/sse";

let t: TestTenant;
let other: TestTenant;
const streams: SseClient[] = [];

beforeAll(async () => {
  [t, other] = await Promise.all([createTestTenant("Center"), createTestTenant("Center other")]);
});

afterAll(async () => {
  for (const stream of streams) stream.abort();
  await liveHub().close();
});

const fresh = () => createTestUser(t.tenantId, "SALES_REP");

async function give(user: TestUser, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await createNotification({ tenantId: user.tenantId, userId: user.userId, title: `N${i}`, message: "m" });
    ids.push(row!.id);
  }
  return ids;
}

const unread = async (user: TestUser) => (await get("/notifications/unread-count", { token: user.token })).body.unread_count as number;

describe("PATCH /notifications/{id}", () => {
  it("marks a notification unread again, and read (keeping the first read time)", async () => {
    const user = await fresh();
    const [id] = await give(user, 1);
    const read = await patch(`/notifications/${id}`, { read: true }, { token: user.token });
    expect(read.status, read.text).toBe(200);
    expect(read.body.is_read).toBe(true);
    const again = await patch(`/notifications/${id}`, { read: true }, { token: user.token });
    expect(again.body.read_at).toBe(read.body.read_at);
    expect(await unread(user)).toBe(0);

    const back = await patch(`/notifications/${id}`, { read: false }, { token: user.token });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ id, is_read: false, read_at: null });
    expect(await unread(user)).toBe(1);
  });

  it("refuses a body without `read` (422) and another user's notification (404)", async () => {
    const [user, neighbour] = await Promise.all([fresh(), fresh()]);
    const [id] = await give(user, 1);
    expect((await patch(`/notifications/${id}`, {}, { token: user.token })).status).toBe(422);
    expect((await patch(`/notifications/${id}`, { read: true }, { token: neighbour.token })).status).toBe(404);
    expect((await patch(`/notifications/${id}`, { read: true }, { token: other.rep.token })).status).toBe(404);
    expect(await unread(user)).toBe(1);
  });
});

describe("POST /notifications/bulk", () => {
  it("reads, unreads and deletes many at once, counting only what changed", async () => {
    const user = await fresh();
    const ids = await give(user, 4);
    const read = await post("/notifications/bulk", { ids: ids.slice(0, 3), action: "read" }, { token: user.token });
    expect(read.status, read.text).toBe(200);
    expect(read.body).toEqual({ action: "read", changed: 3, not_found: [], unread_count: 1 });
    const readAgain = await post("/notifications/bulk", { ids: ids.slice(0, 3), action: "read" }, { token: user.token });
    expect(readAgain.body).toMatchObject({ changed: 0, unread_count: 1 });

    const back = await post("/notifications/bulk", { ids: [ids[0], ids[3]], action: "unread" }, { token: user.token });
    expect(back.body).toEqual({ action: "unread", changed: 1, not_found: [], unread_count: 2 });

    const removed = await post("/notifications/bulk", { ids: [ids[0], ids[1]], action: "delete" }, { token: user.token });
    expect(removed.body).toEqual({ action: "delete", changed: 2, not_found: [], unread_count: 1 });
    const list = await get("/notifications", { token: user.token });
    expect(list.body.items.map((n: { id: string }) => n.id).sort()).toEqual([ids[2], ids[3]].sort());
    expect((await get(`/notifications/${ids[0]}`, { token: user.token })).status).toBe(404);
  });

  it("leaves others' notifications alone and lists them as not found; none of yours → 404", async () => {
    const [user, neighbour] = await Promise.all([fresh(), fresh()]);
    const [mine] = await give(user, 1);
    const [theirs] = await give(neighbour, 1);
    const [foreign] = await give(other.rep, 1);
    const mixed = await post("/notifications/bulk", { ids: [mine, theirs, foreign], action: "read" }, { token: user.token });
    expect(mixed.status).toBe(200);
    expect(mixed.body).toMatchObject({ changed: 1, not_found: [theirs, foreign] });
    const none = await post("/notifications/bulk", { ids: [theirs, foreign], action: "delete" }, { token: user.token });
    expect(none.status).toBe(404);
    expect(await unread(neighbour)).toBe(1);
    expect(await unread(other.rep)).toBeGreaterThanOrEqual(1);
    expect((await get(`/notifications/${foreign}`, { token: other.rep.token })).status).toBe(200);
  });

  it("refuses an unknown action, no ids, and more than 500 ids (422)", async () => {
    const user = await fresh();
    const [id] = await give(user, 1);
    for (const body of [
      { ids: [id], action: "archive" },
      { ids: [], action: "read" },
      { ids: Array.from({ length: 501 }, () => id), action: "read" },
      { ids: ["not-a-uuid"], action: "read" },
    ]) {
      const response = await post("/notifications/bulk", body, { token: user.token });
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
  });

  it("keeps the bell's live unread count right through bulk and single changes", async () => {
    const user = await fresh();
    const ids = await give(user, 3);
    const sse = await openSse(user.token);
    streams.push(sse);
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 3 });
    await post("/notifications/bulk", { ids, action: "read" }, { token: user.token });
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 0 });
    await post("/notifications/bulk", { ids: ids.slice(0, 2), action: "unread" }, { token: user.token });
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 2 });
    await patch(`/notifications/${ids[2]}`, { read: false }, { token: user.token });
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 3 });
    await post("/notifications/bulk", { ids: ids.slice(1), action: "delete" }, { token: user.token });
    expect((await sse.next("unread_count")).json).toEqual({ unread_count: 1 });
  });
});
