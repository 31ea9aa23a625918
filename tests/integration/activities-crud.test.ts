import { beforeAll, describe, expect, it } from "vitest";
import { del, get, post, put } from "../helpers/api";
import { createTestTenant, type TestTenant } from "../helpers/fixtures";
import { createOpp, createWorld, dateIn, type OppWorld } from "./opportunities-helpers";

const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();
const at = (days: number, time = "09:00:00Z") => `${dateIn(days)}T${time}`;

let w: OppWorld;
let other: TestTenant;
let dealId: string;

async function createActivity(token: string, body: Record<string, unknown>) {
  const response = await post("/activities", { type: "CALL", subject: "Call", opportunity_id: dealId, ...body }, { token });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

beforeAll(async () => {
  [w, other] = await Promise.all([createWorld("Activities"), createTestTenant("Activities other")]);
  dealId = (await createOpp(w, w.rep.token, { name: "Renewal" })).id;
});

describe("activities CRUD", () => {
  it("creates an activity on a deal, taking the deal's client, assigned to the caller", async () => {
    const created = await createActivity(w.rep.token, { subject: "Call the buyer", note: "Ask about budget", due_at: at(2) });
    expect(created).toMatchObject({
      opportunity_id: dealId,
      opportunity: { id: dealId, name: "Renewal" },
      client_id: w.clientId,
      client: { id: w.clientId, name: "Acme Corp" },
      type: "CALL",
      subject: "Call the buyer",
      note: "Ask about budget",
      due_at: `${dateIn(2)}T09:00:00.000Z`,
      done_at: null,
      is_overdue: false,
      assigned_to: w.rep.userId,
      assigned_user: { id: w.rep.userId, name: w.rep.name },
      created_by: w.rep.userId,
    });
    const read = await get(`/activities/${created.id}`, { token: w.rep.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
  });

  it("reads a due time with an offset as the same instant in UTC", async () => {
    const created = await createActivity(w.rep.token, { due_at: `${dateIn(3)}T11:30:00+02:00` });
    expect(created.due_at).toBe(`${dateIn(3)}T09:30:00.000Z`);
  });

  it("a NOTE is done when written; a client-only activity has no deal", async () => {
    const note = await post(
      "/activities",
      { type: "NOTE", subject: "Met at the fair", client_id: w.otherClientId },
      { token: w.rep.token },
    );
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ opportunity_id: null, opportunity: null, client_id: w.otherClientId, type: "NOTE" });
    expect(note.body.done_at).not.toBeNull();
  });

  it("updates partially, completes (keeping the first done time), reopens and deletes", async () => {
    const created = await createActivity(w.rep.token, { due_at: at(1) });
    const moved = await put(`/activities/${created.id}`, { due_at: at(5, "14:00:00Z"), subject: "Call again" }, { token: w.rep.token });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ subject: "Call again", due_at: `${dateIn(5)}T14:00:00.000Z`, note: null, done_at: null });
    const done = await post(`/activities/${created.id}/complete`, undefined, { token: w.rep.token });
    expect(done.status).toBe(200);
    expect(done.body.done_at).not.toBeNull();
    const again = await post(`/activities/${created.id}/complete`, undefined, { token: w.rep.token });
    expect(again.body.done_at).toBe(done.body.done_at);
    const reopened = await put(`/activities/${created.id}`, { done: false }, { token: w.rep.token });
    expect(reopened.body.done_at).toBeNull();
    expect((await del(`/activities/${created.id}`, { token: w.rep.token })).status).toBe(204);
    expect((await get(`/activities/${created.id}`, { token: w.rep.token })).status).toBe(404);
  });

  it.each([
    ["no deal and no client", { opportunity_id: undefined }, ["opportunity_id"]],
    ["an unknown type", { type: "VISIT" }, ["type"]],
    ["an empty subject", { subject: " " }, ["subject"]],
    ["a due time without a zone", { due_at: `${dateIn(1)}T09:00:00` }, ["due_at"]],
    ["an unknown deal", { opportunity_id: "00000000-0000-4000-8000-000000000000" }, ["opportunity_id"]],
    ["an unknown client", { client_id: "00000000-0000-4000-8000-000000000000" }, ["client_id"]],
  ])("answers 422 for %s", async (_label, overrides, fields) => {
    const response = await post(
      "/activities",
      { type: "CALL", subject: "Call", opportunity_id: dealId, ...overrides },
      { token: w.rep.token },
    );
    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(fields);
  });
});

describe("activities scope", () => {
  it("a rep cannot plan on another rep's deal (422) nor assign to someone else (403)", async () => {
    const theirs = await createOpp(w, w.otherRep.token, { name: "Theirs" });
    const onTheirs = await post("/activities", { type: "CALL", subject: "x", opportunity_id: theirs.id }, { token: w.rep.token });
    expect(onTheirs.status).toBe(422);
    const assigned = await post(
      "/activities",
      { type: "CALL", subject: "x", opportunity_id: dealId, assigned_to: w.otherRep.userId },
      { token: w.rep.token },
    );
    expect(assigned.status).toBe(403);
  });

  it("reps see and change their own; managers all; other tenants 404", async () => {
    const mine = await createActivity(w.rep.token, { subject: "Mine" });
    const forOther = await createActivity(w.supervisor.token, { subject: "For the other rep", assigned_to: w.otherRep.userId });
    expect(forOther.assigned_to).toBe(w.otherRep.userId);
    expect((await get(`/activities/${mine.id}`, { token: w.otherRep.token })).status).toBe(404);
    expect((await put(`/activities/${mine.id}`, { subject: "Hijack" }, { token: w.otherRep.token })).status).toBe(404);
    expect((await post(`/activities/${mine.id}/complete`, undefined, { token: w.otherRep.token })).status).toBe(404);
    expect((await del(`/activities/${mine.id}`, { token: w.otherRep.token })).status).toBe(404);
    expect((await get(`/activities/${mine.id}`, { token: w.admin.token })).status).toBe(200);
    expect((await get(`/activities/${mine.id}`, { token: other.admin.token })).status).toBe(404);
    const repList = await get("/activities?page_size=100", { token: w.rep.token });
    expect(repList.body.items.every((a: { assigned_to: string }) => a.assigned_to === w.rep.userId)).toBe(true);
    const managerList = await get(`/activities?assigned_to=${w.otherRep.userId}`, { token: w.supervisor.token });
    expect(managerList.body.items.map((a: { id: string }) => a.id)).toContain(forOther.id);
    const foreign = await get("/activities?page_size=100", { token: other.admin.token });
    expect(foreign.body.total).toBe(0);
  });
});

describe("activities list filters", () => {
  it("filters by deal, client, status and due window, soonest due first, paginated", async () => {
    const world = await createWorld("Activities filters");
    const deal = (await createOpp(world, world.rep.token)).id;
    const mk = async (body: Record<string, unknown>) =>
      (await post("/activities", { type: "TASK", subject: "t", opportunity_id: deal, ...body }, { token: world.rep.token })).body;
    const overdue = await mk({ subject: "late", due_at: at(-2) });
    const soon = await mk({ subject: "soon", due_at: at(1) });
    const later = await mk({ subject: "later", due_at: at(10) });
    const undated = await mk({ subject: "someday" });
    const done = await mk({ subject: "done", due_at: at(-1) });
    await post(`/activities/${done.id}/complete`, undefined, { token: world.rep.token });
    const onClient = (
      await post("/activities", { type: "EMAIL", subject: "c", client_id: world.otherClientId }, { token: world.rep.token })
    ).body;
    const ids = async (query: string) =>
      (await get(`/activities?${query}`, { token: world.rep.token })).body.items.map((a: { id: string }) => a.id);
    expect(await ids(`opportunity_id=${deal}`)).toEqual([overdue.id, done.id, soon.id, later.id, undated.id]);
    expect(await ids(`opportunity_id=${deal}&status=open`)).toEqual([overdue.id, soon.id, later.id, undated.id]);
    expect(await ids(`opportunity_id=${deal}&status=overdue`)).toEqual([overdue.id]);
    expect(await ids(`opportunity_id=${deal}&status=done`)).toEqual([done.id]);
    expect(await ids(`client_id=${world.otherClientId}`)).toEqual([onClient.id]);
    expect(await ids(`due_from=${encodeURIComponent(at(0, "00:00:00Z"))}&due_to=${encodeURIComponent(at(5, "00:00:00Z"))}`)).toEqual([
      soon.id,
    ]);
    const page = await get(`/activities?opportunity_id=${deal}&page=2&page_size=2`, { token: world.rep.token });
    expect(page.body).toMatchObject({ total: 5, page: 2, page_size: 2, total_pages: 3 });
    expect(page.body.items.map((a: { id: string }) => a.id)).toEqual([soon.id, later.id]);
    expect((await get("/activities?status=late", { token: world.rep.token })).status).toBe(422);
  });
});
