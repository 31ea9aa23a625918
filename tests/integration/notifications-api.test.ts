import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createNotification, createNotifications } from "@/lib/notifications";
import { api, del, get, patch, post } from "../helpers/api";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";

let t: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  [t, other] = await Promise.all([createTestTenant("Notify api"), createTestTenant("Notify api other")]);
});

const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();

function give(user: TestUser, title = "Hello", extra: Record<string, unknown> = {}) {
  return createNotification({ tenantId: user.tenantId, userId: user.userId, title, message: `${title} message`, ...extra });
}

const fresh = () => createTestUser(t.tenantId, "SALES_REP");

describe("GET /notifications", () => {
  it("lists the caller's notifications newest first with the unread count and pagination", async () => {
    const user = await fresh();
    for (const title of ["a", "b", "c"]) await give(user, title);
    const res = await get("/notifications?page_size=2", { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, unread_count: 3, page: 1, page_size: 2, total_pages: 2 });
    expect(res.body.items.map((n: { title: string }) => n.title)).toEqual(["c", "b"]);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      [
        "id",
        "tenant_id",
        "user_id",
        "title",
        "message",
        "type",
        "category",
        "critical",
        "action_url",
        "action_label",
        "is_read",
        "read_at",
        "email_sent",
        "email_sent_at",
        "email_error",
        "related_entity_type",
        "related_entity_id",
        "created_at",
        "updated_at",
      ].sort(),
    );
    const page2 = await get("/notifications?page=2&page_size=2", { token: user.token });
    expect(page2.body.items.map((n: { title: string }) => n.title)).toEqual(["a"]);
  });

  it("filters by is_read, type and category", async () => {
    const user = await fresh();
    const read = await give(user, "read", { type: "SUCCESS", category: "OPPORTUNITY" });
    await give(user, "unread", { type: "ERROR", category: "MAINTENANCE" });
    await patch(`/notifications/${read!.id}/read`, undefined, { token: user.token });
    const titles = async (q: string) =>
      (await get(`/notifications?${q}`, { token: user.token })).body.items.map((n: { title: string }) => n.title);
    expect(await titles("is_read=true")).toEqual(["read"]);
    expect(await titles("is_read=false")).toEqual(["unread"]);
    expect(await titles("type=ERROR")).toEqual(["unread"]);
    expect(await titles("category=OPPORTUNITY")).toEqual(["read"]);
    expect(await titles("type=ERROR&category=OPPORTUNITY")).toEqual([]);
  });

  it("answers 422 for bad filters and page sizes", async () => {
    for (const q of ["is_read=yes", "type=URGENT", "category=NOPE", "page_size=101", "page=0"]) {
      const res = await get(`/notifications?${q}`, { token: t.rep.token });
      expect(res.status, q).toBe(422);
    }
  });

  it("requires authentication on every route", async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ["GET", "/notifications"],
      ["POST", "/notifications"],
      ["GET", "/notifications/unread-count"],
      ["GET", `/notifications/${id}`],
      ["PATCH", `/notifications/${id}/read`],
      ["POST", "/notifications/mark-all-read"],
      ["DELETE", `/notifications/${id}`],
      ["GET", "/notifications/stream"],
    ] as const) {
      expect((await api(method, path)).status, `${method} ${path}`).toBe(401);
      expect((await api(method, path, { token: "not-a-token" })).status, `${method} ${path}`).toBe(401);
    }
  });
});

describe("GET /notifications/unread-count", () => {
  it("counts the caller's unread notifications only", async () => {
    const [user, neighbour] = await Promise.all([fresh(), fresh()]);
    await createNotifications([1, 2].map((i) => ({ tenantId: t.tenantId, userId: user.userId, title: `u${i}`, message: "m" })));
    await give(neighbour);
    expect((await get("/notifications/unread-count", { token: user.token })).body).toEqual({ unread_count: 2 });
    expect((await get("/notifications/unread-count", { token: neighbour.token })).body).toEqual({ unread_count: 1 });
  });
});

describe("PATCH /notifications/{id}/read and POST /notifications/mark-all-read", () => {
  it("marks read idempotently and returns the notification", async () => {
    const user = await fresh();
    const row = await give(user);
    const first = await patch(`/notifications/${row!.id}/read`, undefined, { token: user.token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: row!.id, is_read: true, read_at: expect.stringMatching(/Z$/) });
    const second = await patch(`/notifications/${row!.id}/read`, undefined, { token: user.token });
    expect(second.status).toBe(200);
    expect(second.body.read_at).toBe(first.body.read_at);
  });

  it("marks all read with the exact message", async () => {
    const user = await fresh();
    for (const title of ["a", "b"]) await give(user, title);
    const res = await post("/notifications/mark-all-read", undefined, { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: "Marked 2 notifications as read", count: 2 });
    expect((await get("/notifications/unread-count", { token: user.token })).body).toEqual({ unread_count: 0 });
  });

  it("does not touch other users' notifications when marking all read", async () => {
    const [user, neighbour] = await Promise.all([fresh(), fresh()]);
    await give(user);
    await give(neighbour);
    await post("/notifications/mark-all-read", undefined, { token: user.token });
    expect((await get("/notifications/unread-count", { token: neighbour.token })).body).toEqual({ unread_count: 1 });
  });
});

describe("DELETE /notifications/{id}", () => {
  it("soft-deletes the caller's own notification (204) and then it is gone", async () => {
    const user = await fresh();
    const row = await give(user);
    const res = await del(`/notifications/${row!.id}`, { token: user.token });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await get(`/notifications/${row!.id}`, { token: user.token })).status).toBe(404);
    expect((await del(`/notifications/${row!.id}`, { token: user.token })).status).toBe(404);
    expect((await get("/notifications", { token: user.token })).body.total).toBe(0);
    expect(await db().notification.findUnique({ where: { id: row!.id }, select: { isDeleted: true } })).toEqual({ isDeleted: true });
  });
});

describe("isolation", () => {
  it("answers 404 on every per-id route for another user's, another tenant's, a missing or a malformed id", async () => {
    const mine = await give(t.rep, "Rep's own");
    const foreign = await give(other.rep, "Other tenant's");
    const strangers = [
      { who: "other rep", token: t.otherRep.token, id: mine!.id },
      { who: "admin of the same tenant", token: t.admin.token, id: mine!.id },
      { who: "supervisor of the same tenant", token: t.supervisor.token, id: mine!.id },
      { who: "rep of another tenant", token: t.rep.token, id: foreign!.id },
      { who: "admin of another tenant", token: other.admin.token, id: mine!.id },
      { who: "missing id", token: t.rep.token, id: randomUUID() },
      { who: "malformed id", token: t.rep.token, id: "not-a-uuid" },
    ];
    for (const { who, token, id } of strangers) {
      for (const [method, path] of [
        ["GET", `/notifications/${id}`],
        ["PATCH", `/notifications/${id}/read`],
        ["DELETE", `/notifications/${id}`],
      ] as const) {
        const res = await api(method, path, { token });
        expect(res.status, `${who}: ${method} ${path}`).toBe(404);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
      }
    }
    const untouched = await get(`/notifications/${mine!.id}`, { token: t.rep.token });
    expect(untouched.body).toMatchObject({ is_read: false, title: "Rep's own" });
  });

  it("never shows another user's or tenant's notifications in lists or counts", async () => {
    const user = await fresh();
    await give(user, "mine");
    await give(t.admin, "admin's");
    await give(other.rep, "foreign");
    const list = await get("/notifications?page_size=100", { token: user.token });
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual(["mine"]);
    expect(list.body).toMatchObject({ total: 1, unread_count: 1 });
    const adminList = await get("/notifications?page_size=100", { token: t.admin.token });
    for (const item of adminList.body.items) expect(item.user_id).toBe(t.admin.userId);
  });
});

describe("POST /notifications", () => {
  const body = (userIds: string[], extra: Record<string, unknown> = {}) => ({
    user_ids: userIds,
    title: "Quarter-end review",
    message: "Please update your deals.",
    type: "INFO",
    category: "GENERAL",
    ...extra,
  });

  it("lets admins and supervisors notify users of their tenant (201 {created})", async () => {
    const [a, b] = await Promise.all([fresh(), fresh()]);
    const res = await post(
      "/notifications",
      body([a.userId, b.userId, a.userId], { action_url: "/pipeline", action_label: "Open pipeline", send_email: true }),
      {
        token: t.admin.token,
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 2 });
    const list = await get("/notifications", { token: a.token });
    expect(list.body.items[0]).toMatchObject({
      title: "Quarter-end review",
      action_url: "/pipeline",
      action_label: "Open pipeline",
      type: "INFO",
      category: "GENERAL",
    });
    const bySupervisor = await post("/notifications", body([a.userId], { action_url: "https://example.com/report" }), {
      token: t.supervisor.token,
    });
    expect(bySupervisor.status).toBe(201);
    expect(bySupervisor.body).toEqual({ created: 1 });
  });

  it("forbids sales reps (403)", async () => {
    const before = await db().notification.count({ where: { userId: t.otherRep.userId } });
    const res = await post("/notifications", body([t.otherRep.userId]), { token: t.rep.token });
    expect(res.status).toBe(403);
    expect(await db().notification.count({ where: { userId: t.otherRep.userId } })).toBe(before);
  });

  it("validates the body (422 with field errors)", async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [body([t.rep.userId], { title: "x".repeat(201) }), ["title"]],
      [body([t.rep.userId], { title: "x".repeat(200) }), []],
      [body([t.rep.userId], { type: "URGENT" }), ["type"]],
      [body([t.rep.userId], { category: "SALES" }), ["category"]],
      [body([t.rep.userId], { message: "" }), ["message"]],
      [body([], {}), ["user_ids"]],
      [body(["not-a-uuid"]), ["user_ids.0"]],
      [body(Array.from({ length: 1001 }, () => randomUUID())), ["user_ids"]],
      [body([t.rep.userId], { action_url: "javascript:alert(1)" }), ["action_url"]],
      [body([t.rep.userId], { action_url: "//evil.example" }), ["action_url"]],
      [body([t.rep.userId], { action_url: "http://insecure.example" }), ["action_url"]],
      [body([t.rep.userId], { action_label: "x".repeat(101) }), ["action_label"]],
      [body([t.rep.userId], { send_email: "yes" }), ["send_email"]],
    ];
    for (const [payload, fields] of cases) {
      const res = await post("/notifications", payload, { token: t.admin.token });
      if (fields.length === 0) {
        expect(res.status, JSON.stringify(payload).slice(0, 80)).toBe(201);
        continue;
      }
      expect(res.status, JSON.stringify(payload).slice(0, 80)).toBe(422);
      expect(fieldsOf(res.body)).toEqual(fields);
    }
    const missing = await post("/notifications", {}, { token: t.admin.token });
    expect(fieldsOf(missing.body)).toEqual(["category", "message", "title", "type", "user_ids"]);
  });

  it("refuses recipients outside the caller's tenant or inactive (422 on user_ids) and creates nothing", async () => {
    const inactive = await fresh();
    await db().user.update({ where: { id: inactive.userId }, data: { isActive: false } });
    for (const ids of [[t.rep.userId, other.rep.userId], [randomUUID()], [inactive.userId]]) {
      const before = await db().notification.count({ where: { userId: { in: ids } } });
      const res = await post("/notifications", body(ids), { token: t.admin.token });
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(["user_ids"]);
      expect(await db().notification.count({ where: { userId: { in: ids } } })).toBe(before);
    }
  });
});
