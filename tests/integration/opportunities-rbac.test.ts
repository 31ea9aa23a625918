import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { api, del, get, patch, post, put } from "../helpers/api";
import type { TestUser } from "../helpers/fixtures";
import { createOpp, createWorld, dateIn, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;
let other: OppWorld;

beforeAll(async () => {
  [w, other] = await Promise.all([createWorld("Rbac"), createWorld("Rbac other")]);
});

type Caller = "admin" | "supervisor" | "rep" | "otherRep" | "foreignAdmin";
const callers: Caller[] = ["admin", "supervisor", "rep", "otherRep", "foreignAdmin"];
const user = (caller: Caller): TestUser => (caller === "foreignAdmin" ? other.admin : w[caller]);
/** Who can reach the rep's deal: managers of its tenant and the rep. */
const reaches = (caller: Caller) => caller === "admin" || caller === "supervisor" || caller === "rep";

const repDeal = () => createOpp(w, w.rep.token, { name: `Rep's deal ${Math.random()}` });
const stored = (id: string) => db().opportunity.findUniqueOrThrow({ where: { id } });

describe("per-id routes: managers and the owner reach the deal; another rep and another tenant get 404", () => {
  it.each(callers)("GET /opportunities/{id} as %s", async (caller) => {
    const deal = await repDeal();
    expect((await get(`/opportunities/${deal.id}`, { token: user(caller).token })).status).toBe(reaches(caller) ? 200 : 404);
  });

  it.each(callers)("GET /opportunities/{id}/history as %s", async (caller) => {
    const deal = await repDeal();
    const res = await get(`/opportunities/${deal.id}/history`, { token: user(caller).token });
    expect(res.status).toBe(reaches(caller) ? 200 : 404);
    if (!reaches(caller)) expect(res.body.items).toBeUndefined();
  });

  it.each(callers)("PUT /opportunities/{id} as %s", async (caller) => {
    const deal = await repDeal();
    const res = await put(`/opportunities/${deal.id}`, { name: "Changed" }, { token: user(caller).token });
    expect(res.status).toBe(reaches(caller) ? 200 : 404);
    expect((await stored(deal.id)).name).toBe(reaches(caller) ? "Changed" : deal.name);
  });

  it.each(callers)("PATCH /opportunities/{id}/stage as %s", async (caller) => {
    const deal = await repDeal();
    const res = await patch(`/opportunities/${deal.id}/stage`, { stage: "CLOSED_WON" }, { token: user(caller).token });
    expect(res.status).toBe(reaches(caller) ? 200 : 404);
    expect((await stored(deal.id)).stage).toBe(reaches(caller) ? "CLOSED_WON" : "LEAD");
  });

  it.each(callers)("DELETE /opportunities/{id} as %s (admins only; another tenant's admin gets 404)", async (caller) => {
    const deal = await repDeal();
    const res = await del(`/opportunities/${deal.id}`, { token: user(caller).token });
    const expected = caller === "admin" ? 204 : caller === "foreignAdmin" ? 404 : 403;
    expect(res.status).toBe(expected);
    expect((await stored(deal.id)).isDeleted).toBe(caller === "admin");
  });
});

describe("collection routes never show what the caller may not see", () => {
  let deal: { id: string };
  let othersDeal: { id: string };

  beforeAll(async () => {
    deal = await repDeal();
    othersDeal = await createOpp(w, w.otherRep.token);
  });

  const ids = (items: { id: string }[]) => items.map((o) => o.id);

  it.each(callers)("GET /opportunities as %s", async (caller) => {
    const res = await get("/opportunities?page_size=100", { token: user(caller).token });
    expect(res.status).toBe(200);
    expect(ids(res.body.items).includes(deal.id)).toBe(reaches(caller));
    expect(ids(res.body.items).includes(othersDeal.id)).toBe(caller === "admin" || caller === "supervisor" || caller === "otherRep");
    if (caller === "foreignAdmin") expect(res.body.items.every((o: { tenant_id: string }) => o.tenant_id === other.tenantId)).toBe(true);
  });

  it.each(callers)("GET /opportunities/pipeline/board as %s", async (caller) => {
    const res = await get("/opportunities/pipeline/board?limit=100", { token: user(caller).token });
    expect(res.status).toBe(200);
    const visible = res.body.stages.flatMap((s: { items: { id: string }[] }) => ids(s.items));
    expect(visible.includes(deal.id)).toBe(reaches(caller));
    expect(visible.includes(othersDeal.id)).toBe(caller !== "rep" && caller !== "foreignAdmin");
  });

  it.each(callers)("GET /opportunities/pipeline/summary as %s", async (caller) => {
    const res = await get("/opportunities/pipeline/summary", { token: user(caller).token });
    expect(res.status).toBe(200);
    const expected = await db().opportunity.count({
      where: {
        tenantId: user(caller).tenantId,
        isDeleted: false,
        ...(caller === "rep" || caller === "otherRep" ? { assignedTo: user(caller).userId } : {}),
      },
    });
    expect(res.body.total_opportunities).toBe(expected);
  });

  it.each(callers)("POST /opportunities as %s creates in the caller's own tenant", async (caller) => {
    const u = user(caller);
    const clientId = caller === "foreignAdmin" ? other.clientId : w.clientId;
    const res = await post(
      "/opportunities",
      { name: "Mine", client_id: clientId, estimated_value: "1.00", expected_close_date: dateIn(5) },
      { token: u.token },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tenant_id: u.tenantId, assigned_to: u.userId });
  });

  it("POST with another tenant's client is a field error, never a cross-tenant link", async () => {
    const res = await post(
      "/opportunities",
      { name: "Sneaky", client_id: w.clientId, estimated_value: "1.00", expected_close_date: dateIn(5) },
      { token: other.admin.token },
    );
    expect(res.status).toBe(422);
  });
});

describe("authentication", () => {
  // A request without Authorization falls back to the session cookie, which the e2e suite covers.
  it("answers 401 on every route to an invalid bearer token", async () => {
    const deal = await repDeal();
    const routes: Array<[string, string]> = [
      ["POST", "/opportunities"],
      ["GET", "/opportunities"],
      ["GET", `/opportunities/${deal.id}`],
      ["PUT", `/opportunities/${deal.id}`],
      ["PATCH", `/opportunities/${deal.id}/stage`],
      ["DELETE", `/opportunities/${deal.id}`],
      ["GET", "/opportunities/pipeline/summary"],
      ["GET", "/opportunities/pipeline/board"],
      ["GET", `/opportunities/${deal.id}/history`],
    ];
    for (const [method, path] of routes) {
      const body = method === "GET" ? undefined : { stage: "LEAD" };
      expect((await api(method, path, { token: "not-a-real-token-at-all", body })).status, `${method} ${path}`).toBe(401);
    }
    expect((await stored(deal.id)).version).toBe(1);
  });
});
