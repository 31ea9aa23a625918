import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { reopenOpportunity, updateStage } from "@/lib/opportunities";
import { get, patch, post, put } from "../helpers/api";
import { createOpp, createWorld, dateIn, fieldsOf, ifMatch, todayIso, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;
let other: OppWorld;

beforeAll(async () => {
  [w, other] = await Promise.all([createWorld("Reopen"), createWorld("Reopen other")]);
});

const reopen = (id: string, body: Record<string, unknown>, token: string, headers?: Record<string, string>) =>
  post(`/opportunities/${id}/reopen`, body, { token, headers });

async function closedDeal(token = w.rep.token, stage = "CLOSED_WON", overrides: Record<string, unknown> = {}) {
  const created = await createOpp(w, token, { stage: "NEGOTIATION", ...overrides });
  const closed = await patch(`/opportunities/${created.id}/stage`, { stage, loss_reason: "Price" }, { token });
  expect(closed.status, closed.text).toBe(200);
  return closed.body;
}

type BoardBody = { stages: { stage: string; count: number; total_value: string; weighted_value: string; items: { id: string }[] }[] };
const column = (board: BoardBody, stage: string) => board.stages.find((c) => c.stage === stage)!;

describe("POST /opportunities/{id}/reopen", () => {
  it("moves a lost deal back to an open stage: default probability, no close date, loss reason or rate, history with the reason", async () => {
    const lost = await closedDeal(w.supervisor.token, "CLOSED_LOST", { probability: "60", assigned_to: w.rep.userId });
    const res = await reopen(lost.id, { stage: "QUALIFIED", reason: "  They called back  " }, w.supervisor.token, ifMatch(lost.version));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      stage: "QUALIFIED",
      probability: "25.00",
      probability_is_custom: false,
      actual_close_date: null,
      loss_reason: null,
      fx_rate: null,
      is_closed: false,
      version: lost.version + 1,
    });
    const history = (await get(`/opportunities/${lost.id}/history`, { token: w.rep.token })).body.items;
    expect(history.at(-1)).toMatchObject({
      from_stage: "CLOSED_LOST",
      to_stage: "QUALIFIED",
      changed_by: { id: w.supervisor.userId },
      loss_reason: null,
      reason: "They called back",
    });
  });

  it("lets admins and supervisors reopen any deal, the closing rep only their own close, and hides other reps' deals", async () => {
    const byAdmin = await closedDeal(w.admin.token, "CLOSED_WON", { assigned_to: w.rep.userId });
    expect((await reopen(byAdmin.id, { stage: "LEAD", reason: "Mistake" }, w.rep.token)).status).toBe(403);
    expect((await reopen(byAdmin.id, { stage: "LEAD", reason: "Mistake" }, w.otherRep.token)).status).toBe(404);
    expect((await reopen(byAdmin.id, { stage: "LEAD", reason: "Mistake" }, other.admin.token)).status).toBe(404);
    expect((await reopen(byAdmin.id, { stage: "LEAD", reason: "Mistake" }, w.admin.token)).status).toBe(200);

    const mine = await closedDeal(w.rep.token);
    const forbidden = await reopen(mine.id, { stage: "LEAD", reason: "Mistake" }, w.otherRep.token);
    expect(forbidden.status).toBe(404);
    const undone = await reopen(mine.id, { stage: "NEGOTIATION", reason: "Undo" }, w.rep.token);
    expect(undone.status, undone.text).toBe(200);
    expect(undone.body).toMatchObject({ stage: "NEGOTIATION", probability: "75.00" });
  });

  it("answers 409 for an open deal, 422 for a closed target or a missing reason, 412 for an old version", async () => {
    const open = await createOpp(w, w.admin.token);
    const conflict = await reopen(open.id, { stage: "LEAD", reason: "Why" }, w.admin.token);
    expect(conflict.status).toBe(409);
    expect(conflict.body.detail).toMatch(/only a closed deal/i);

    const won = await closedDeal(w.admin.token);
    const closedTarget = await reopen(won.id, { stage: "CLOSED_LOST", reason: "Why" }, w.admin.token);
    expect(closedTarget.status).toBe(422);
    expect(fieldsOf(closedTarget.body)).toEqual(["stage"]);
    const noReason = await reopen(won.id, { stage: "LEAD", reason: "   " }, w.admin.token);
    expect(noReason.status).toBe(422);
    expect(fieldsOf(noReason.body)).toEqual(["reason"]);
    expect((await reopen(won.id, { stage: "LEAD", reason: "Why" }, w.admin.token, ifMatch(won.version - 1))).status).toBe(412);
  });

  it("lets the user who closed a deal reopen it for 10 minutes (as the clock says), then only a manager", async () => {
    const created = await createOpp(w, w.rep.token, { stage: "PROPOSAL" });
    const closedAt = new Date();
    await updateStage(w.rep, created.id, { stage: "CLOSED_WON" }, { clock: fixedClock(closedAt) });
    const at = (minutes: number, seconds = 0) => fixedClock(new Date(closedAt.getTime() + minutes * 60_000 + seconds * 1_000));

    const late = reopenOpportunity(w.rep, created.id, { stage: "PROPOSAL", reason: "Undo" }, { clock: at(10, 1) });
    await expect(late).rejects.toMatchObject({ status: 403 });
    const inTime = await reopenOpportunity(w.rep, created.id, { stage: "PROPOSAL", reason: "Undo" }, { clock: at(10) });
    expect(inTime).toMatchObject({ stage: "PROPOSAL", actualCloseDate: null });

    await updateStage(w.rep, created.id, { stage: "CLOSED_LOST", loss_reason: "Budget" }, { clock: fixedClock(closedAt) });
    await expect(reopenOpportunity(w.rep, created.id, { stage: "LEAD", reason: "Undo" }, { clock: at(30) })).rejects.toMatchObject({
      status: 403,
    });
    const byManager = await reopenOpportunity(
      w.supervisor,
      created.id,
      { stage: "LEAD", reason: "New budget" },
      { clock: at(60 * 24 * 30) },
    );
    expect(byManager.stage).toBe("LEAD");
  });

  it("clears the frozen rate: the deal converts at today's rate again, and every column total moves by exactly that", async () => {
    const t = await createWorld("Reopen currency");
    const rates = (rate: string, day: string) =>
      put("/exchange-rates", { rates: [{ currency: "EUR", rate, effective_from: day }] }, { token: t.admin.token });
    expect((await rates("1.10000000", dateIn(-5))).status).toBe(200);
    const deal = await createOpp(t, t.admin.token, { stage: "PROPOSAL", currency: "EUR", estimated_value: "1000.00" });
    const won = await patch(`/opportunities/${deal.id}/stage`, { stage: "CLOSED_WON" }, { token: t.admin.token });
    expect(won.body).toMatchObject({ fx_rate: "1.10000000", base_value: "1100.00", actual_close_date: todayIso() });
    expect((await rates("1.25000000", todayIso())).status).toBe(200);

    const before = (await get("/opportunities/pipeline/board", { token: t.admin.token })).body;
    expect(column(before, "CLOSED_WON")).toMatchObject({ count: 1, total_value: "1100.00", weighted_value: "1100.00" });
    const reopened = await reopen(deal.id, { stage: "NEGOTIATION", reason: "Signed the wrong contract" }, t.admin.token);
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.body).toMatchObject({ fx_rate: null, base_value: "1250.00", base_weighted_value: "937.50", probability: "75.00" });

    const after = (await get("/opportunities/pipeline/board", { token: t.admin.token })).body;
    expect(column(after, "CLOSED_WON")).toMatchObject({ count: 0, total_value: "0.00", weighted_value: "0.00" });
    expect(column(after, "NEGOTIATION")).toMatchObject({ count: 1, total_value: "1250.00", weighted_value: "937.50" });
    const summary = (await get("/opportunities/pipeline/summary", { token: t.admin.token })).body;
    expect(summary).toMatchObject({ total_value: "1250.00", weighted_value: "937.50" });
  });
});

describe("custom probability", () => {
  it("keeps a hand-set probability across open stages, and the stage default otherwise", async () => {
    const custom = await createOpp(w, w.rep.token, { probability: "33" });
    expect(custom).toMatchObject({ probability: "33.00", probability_is_custom: true });
    const moved = await patch(`/opportunities/${custom.id}/stage`, { stage: "PROPOSAL" }, { token: w.rep.token });
    expect(moved.body).toMatchObject({ stage: "PROPOSAL", probability: "33.00", probability_is_custom: true });

    const plain = await createOpp(w, w.rep.token, { probability: "10" });
    expect(plain.probability_is_custom).toBe(false);
    const movedPlain = await patch(`/opportunities/${plain.id}/stage`, { stage: "PROPOSAL" }, { token: w.rep.token });
    expect(movedPlain.body).toMatchObject({ probability: "50.00", probability_is_custom: false });

    const edited = await put(`/opportunities/${plain.id}`, { probability: "42.5" }, { token: w.rep.token });
    expect(edited.body).toMatchObject({ probability: "42.50", probability_is_custom: true });
    const viaUpdate = await put(`/opportunities/${plain.id}`, { stage: "NEGOTIATION" }, { token: w.rep.token });
    expect(viaUpdate.body).toMatchObject({ probability: "42.50", probability_is_custom: true });
    const backToDefault = await put(`/opportunities/${plain.id}`, { probability: "75" }, { token: w.rep.token });
    expect(backToDefault.body.probability_is_custom).toBe(false);
    const toLead = await patch(`/opportunities/${plain.id}/stage`, { stage: "LEAD" }, { token: w.rep.token });
    expect(toLead.body.probability).toBe("10.00");
  });

  it("closing sets 100 or 0, and reopening takes the stage default even after a custom one", async () => {
    const created = await createOpp(w, w.rep.token, { probability: "61", stage: "PROPOSAL" });
    const won = await patch(`/opportunities/${created.id}/stage`, { stage: "CLOSED_WON" }, { token: w.rep.token });
    expect(won.body).toMatchObject({ probability: "100.00", probability_is_custom: false });
    const back = await reopen(created.id, { stage: "PROPOSAL", reason: "Undo" }, w.rep.token);
    expect(back.body).toMatchObject({ probability: "50.00", probability_is_custom: false });
  });

  it("shows a hand-set probability on the board card after a move", async () => {
    const created = await createOpp(w, w.rep.token, { probability: "44" });
    await patch(`/opportunities/${created.id}/stage`, { stage: "NEGOTIATION" }, { token: w.rep.token });
    const board = (await get("/opportunities/pipeline/board", { token: w.rep.token })).body;
    const card = board.stages.flatMap((c: { items: { id: string }[] }) => c.items).find((c: { id: string }) => c.id === created.id);
    expect(card).toMatchObject({ probability: "44.00" });
    expect(column(board, "NEGOTIATION").items.map((c: { id: string }) => c.id)).toContain(created.id);
  });
});
