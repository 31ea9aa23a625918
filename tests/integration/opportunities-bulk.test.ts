import { beforeAll, describe, expect, it } from "vitest";
import { get, post } from "../helpers/api";
import { createOpp, createWorld, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;
let other: OppWorld;
beforeAll(async () => {
  [w, other] = await Promise.all([createWorld("Bulk"), createWorld("Bulk other")]);
});

const bulk = (body: Record<string, unknown>, token: string) => post("/opportunities/bulk", body, { token });
const stageOf = async (id: string) => (await get(`/opportunities/${id}`, { token: w.admin.token })).body.stage;

describe("bulk actions on opportunities", () => {
  it("moves many deals, each with the single move's rules, and reports every one", async () => {
    const [a, b] = [await createOpp(w, w.rep.token, { name: "A" }), await createOpp(w, w.rep.token, { name: "B" })];
    const won = await createOpp(w, w.rep.token, { name: "Won", stage: "NEGOTIATION" });
    expect((await bulk({ action: "move_stage", ids: [won.id], stage: "CLOSED_WON" }, w.rep.token)).status).toBe(200);
    const theirs = await createOpp(w, w.otherRep.token, { name: "Theirs" });
    const foreign = await createOpp(other, other.rep.token, { name: "Foreign" });

    const res = await bulk({ action: "move_stage", ids: [a.id, b.id, won.id, theirs.id, foreign.id], stage: "PROPOSAL" }, w.rep.token);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ succeeded: 2, failed: 3 });
    expect(res.body.results.map((r: { id: string; status: number }) => [r.id, r.status])).toEqual([
      [a.id, 200],
      [b.id, 200],
      [won.id, 409],
      [theirs.id, 404],
      [foreign.id, 404],
    ]);
    expect(await stageOf(a.id)).toBe("PROPOSAL");
    expect(await stageOf(theirs.id)).toBe("LEAD");
    expect((await get(`/opportunities/${a.id}/history`, { token: w.rep.token })).body.items.at(-1)).toMatchObject({
      from_stage: "LEAD",
      to_stage: "PROPOSAL",
    });
  });

  it("closes as lost only with a reason, as one by one", async () => {
    const deal = await createOpp(w, w.rep.token, { name: "Lost?" });
    const without = await bulk({ action: "move_stage", ids: [deal.id], stage: "CLOSED_LOST" }, w.rep.token);
    expect(without.body.results[0]).toMatchObject({ status: 422, detail: expect.stringContaining("loss_reason") });
    const withReason = await bulk({ action: "move_stage", ids: [deal.id], stage: "CLOSED_LOST", loss_reason: "Budget" }, w.rep.token);
    expect(withReason.body).toMatchObject({ succeeded: 1, failed: 0 });
  });

  it("assigns: managers to anyone of the company, a rep only to themselves", async () => {
    const deal = await createOpp(w, w.rep.token, { name: "Handover" });
    const byRep = await bulk({ action: "assign", ids: [deal.id], assigned_to: w.otherRep.userId }, w.rep.token);
    expect(byRep.body.results[0]).toMatchObject({ status: 403 });
    const bySupervisor = await bulk({ action: "assign", ids: [deal.id], assigned_to: w.otherRep.userId }, w.supervisor.token);
    expect(bySupervisor.body).toMatchObject({ succeeded: 1 });
    expect((await get(`/opportunities/${deal.id}`, { token: w.admin.token })).body.assigned_to).toBe(w.otherRep.userId);
  });

  it("deletes for admins only; ids nobody can see are 404 as a whole", async () => {
    const deal = await createOpp(w, w.rep.token, { name: "Gone" });
    expect((await bulk({ action: "delete", ids: [deal.id] }, w.supervisor.token)).body.results[0]).toMatchObject({ status: 403 });
    expect((await bulk({ action: "delete", ids: [deal.id, deal.id] }, w.admin.token)).body).toMatchObject({ succeeded: 1, failed: 0 });
    expect((await get(`/opportunities/${deal.id}`, { token: w.admin.token })).status).toBe(404);
    const foreign = await createOpp(other, other.rep.token, { name: "Not yours" });
    const refused = await bulk({ action: "delete", ids: [foreign.id] }, w.admin.token);
    expect(refused.status).toBe(404);
    expect((await get(`/opportunities/${foreign.id}`, { token: other.admin.token })).status).toBe(200);
  });

  it("validates the action and its ids (422)", async () => {
    for (const [body, field] of [
      [{ action: "archive", ids: [w.clientId] }, "action"],
      [{ action: "delete", ids: [] }, "ids"],
      [{ action: "delete", ids: Array.from({ length: 501 }, () => w.clientId) }, "ids"],
      [{ action: "move_stage", ids: [w.clientId] }, "stage"],
    ] as const) {
      const res = await bulk(body, w.admin.token);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field.split(".")[0])).toContain(field);
    }
  });
});
