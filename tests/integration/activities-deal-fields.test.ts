import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { toBoardCard } from "@/lib/opportunities";
import { del, get, patch, post, put } from "../helpers/api";
import { createOpp, createWorld, dateIn, todayIso, type OppWorld } from "./opportunities-helpers";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const at = (days: number) => `${dateIn(days)}T09:00:00.000Z`;

const deal = async (w: OppWorld, id: string) => {
  const response = await get(`/opportunities/${id}`, { token: w.admin.token });
  expect(response.status).toBe(200);
  return response.body;
};
const activity = async (w: OppWorld, body: Record<string, unknown>) => {
  const response = await post("/activities", { type: "CALL", subject: "Call", ...body }, { token: w.rep.token });
  expect(response.status, response.text).toBe(201);
  return response.body;
};
/** The deal's board card, which must be its projection (SQL twin and TypeScript agree). */
const card = async (w: OppWorld, id: string, stage: string) => {
  const board = await get(`/opportunities/pipeline/board?stage=${stage}&limit=100`, { token: w.admin.token });
  const found = board.body.stages[0].items.find((c: { id: string }) => c.id === id);
  expect(found).toEqual(toBoardCard(await deal(w, id), todayIso()));
  return found;
};
const setStages = (w: OppWorld, stages: unknown[]) => put("/pipeline/stages", { stages }, { token: w.admin.token });

describe("next and last activity on the deal", () => {
  let w: OppWorld;
  beforeAll(async () => {
    w = await createWorld("Deal activity fields");
  });

  it("a new deal has no next step, entered its stage with its first history entry and is not stale", async () => {
    const created = await createOpp(w, w.rep.token);
    expect(created).toMatchObject({ next_activity: null, last_activity_at: null, days_in_stage: 0, is_stale: false });
    const history = await get(`/opportunities/${created.id}/history`, { token: w.rep.token });
    expect(created.stage_entered_at).toBe(history.body.items[0].changed_at);
  });

  it("follows the earliest open activity, the latest done one, completion and deletion", async () => {
    const { id } = await createOpp(w, w.rep.token);
    const undated = await activity(w, { opportunity_id: id, subject: "Someday" });
    expect((await deal(w, id)).next_activity).toEqual({ id: undated.id, type: "CALL", subject: "Someday", due_at: null });
    const later = await activity(w, { opportunity_id: id, subject: "Later", due_at: at(5) });
    const sooner = await activity(w, { opportunity_id: id, type: "MEETING", subject: "Sooner", due_at: at(2) });
    expect((await deal(w, id)).next_activity).toEqual({ id: sooner.id, type: "MEETING", subject: "Sooner", due_at: at(2) });
    expect((await card(w, id, "LEAD")).nx).toEqual({ t: "MEETING", s: "Sooner", d: at(2) });
    const done = await post(`/activities/${sooner.id}/complete`, undefined, { token: w.rep.token });
    const after = await deal(w, id);
    expect(after.next_activity.id).toBe(later.id);
    expect(after.last_activity_at).toBe(done.body.done_at);
    await put(`/activities/${later.id}`, { subject: "Later, renamed" }, { token: w.rep.token });
    expect((await deal(w, id)).next_activity.subject).toBe("Later, renamed");
    await del(`/activities/${later.id}`, { token: w.rep.token });
    expect((await deal(w, id)).next_activity.id).toBe(undated.id);
    await post(`/activities/${undated.id}/complete`, undefined, { token: w.rep.token });
    expect((await card(w, id, "LEAD")).nx).toBeUndefined();
  });

  it("a stage move restarts the days in stage at the move's history entry", async () => {
    const created = await createOpp(w, w.rep.token);
    await db().opportunity.update({ where: { id: created.id }, data: { stageEnteredAt: daysAgo(4) } });
    expect((await deal(w, created.id)).days_in_stage).toBe(4);
    const moved = await patch(`/opportunities/${created.id}/stage`, { stage: "QUALIFIED" }, { token: w.rep.token });
    expect(moved.body.days_in_stage).toBe(0);
    const history = await get(`/opportunities/${created.id}/history`, { token: w.rep.token });
    expect(moved.body.stage_entered_at).toBe(history.body.items.at(-1).changed_at);
  });
});

describe("stale deals with a fixed threshold", () => {
  let w: OppWorld;
  beforeAll(async () => {
    w = await createWorld("Stale fixed");
    expect((await setStages(w, [{ stage: "PROPOSAL", stale_after_days: 10 }])).status).toBe(200);
  });

  it("is stale past the threshold with no activity in that time and no open activity due ahead", async () => {
    const { id } = await createOpp(w, w.rep.token, { stage: "PROPOSAL" });
    const enteredDaysAgo = async (days: number) => db().opportunity.update({ where: { id }, data: { stageEnteredAt: daysAgo(days) } });
    await enteredDaysAgo(10);
    expect((await deal(w, id)).is_stale).toBe(false);
    await enteredDaysAgo(11);
    expect(await deal(w, id)).toMatchObject({ is_stale: true, days_in_stage: 11 });
    expect((await card(w, id, "PROPOSAL")).st).toBe(11);

    const recent = await activity(w, { opportunity_id: id, type: "NOTE", subject: "Talked" });
    await db().activity.update({ where: { id: recent.id }, data: { doneAt: daysAgo(5) } });
    expect((await deal(w, id)).is_stale).toBe(false);
    await db().activity.update({ where: { id: recent.id }, data: { doneAt: daysAgo(12) } });
    expect((await deal(w, id)).is_stale).toBe(true);

    const overdueStep = await activity(w, { opportunity_id: id, subject: "Late call", due_at: addDays(new Date(), -1).toISOString() });
    expect((await deal(w, id)).is_stale).toBe(true);
    await put(`/activities/${overdueStep.id}`, { due_at: at(3) }, { token: w.rep.token });
    expect((await deal(w, id)).is_stale).toBe(false);
    expect((await card(w, id, "PROPOSAL")).st).toBeUndefined();
  });

  it("is never stale in a stage without a threshold, nor once closed", async () => {
    const lead = await createOpp(w, w.rep.token);
    await db().opportunity.update({ where: { id: lead.id }, data: { stageEnteredAt: daysAgo(400) } });
    expect((await deal(w, lead.id)).is_stale).toBe(false);
    const proposal = await createOpp(w, w.rep.token, { stage: "PROPOSAL" });
    await patch(`/opportunities/${proposal.id}/stage`, { stage: "CLOSED_WON" }, { token: w.rep.token });
    await db().opportunity.update({ where: { id: proposal.id }, data: { stageEnteredAt: daysAgo(400) } });
    expect((await deal(w, proposal.id)).is_stale).toBe(false);
  });
});

describe("stale deals with an auto threshold", () => {
  /** Won deals that spent 1, 2, … `count` days in PROPOSAL (history rewritten to known times). */
  async function wonDeals(w: OppWorld, count: number) {
    for (let k = 1; k <= count; k += 1) {
      const { id } = await createOpp(w, w.rep.token, { stage: "PROPOSAL" });
      await patch(`/opportunities/${id}/stage`, { stage: "CLOSED_WON" }, { token: w.rep.token });
      const start = daysAgo(100);
      await db().opportunityStageHistory.updateMany({ where: { opportunityId: id, toStage: "PROPOSAL" }, data: { changedAt: start } });
      await db().opportunityStageHistory.updateMany({
        where: { opportunityId: id, toStage: "CLOSED_WON" },
        data: { changedAt: new Date(start.getTime() + k * DAY) },
      });
    }
  }

  it("takes the 75th percentile of the days won deals spent in the stage, from 10 won deals on", async () => {
    const w = await createWorld("Stale auto");
    await wonDeals(w, 9);
    const off = await setStages(w, [{ stage: "PROPOSAL", stale_after_days: "auto" }]);
    expect(off.body.won_deals).toBe(9);
    expect(off.body.stages.find((s: { stage: string }) => s.stage === "PROPOSAL")).toMatchObject({
      stale_after_days: "auto",
      effective_stale_after_days: null,
    });
    await wonDeals(w, 10);
    // 19 spans 1..9 and 1..10 days: percentile_cont(0.75) = 7.5, rounded up to 8 days.
    const on = await setStages(w, [{ stage: "PROPOSAL", stale_after_days: "auto" }]);
    expect(on.body.stages.find((s: { stage: string }) => s.stage === "PROPOSAL").effective_stale_after_days).toBe(8);
    const { id } = await createOpp(w, w.rep.token, { stage: "PROPOSAL" });
    await db().opportunity.update({ where: { id }, data: { stageEnteredAt: daysAgo(9) } });
    expect((await deal(w, id)).is_stale).toBe(true);
    await db().opportunity.update({ where: { id }, data: { stageEnteredAt: daysAgo(8) } });
    expect((await deal(w, id)).is_stale).toBe(false);
  });
});

describe("stage settings", () => {
  let w: OppWorld;
  beforeAll(async () => {
    w = await createWorld("Stage settings");
  });

  it("start at the guide's defaults with no stale threshold", async () => {
    const response = await get("/pipeline/stages", { token: w.rep.token });
    expect(response.status).toBe(200);
    expect(response.body.stages).toEqual([
      {
        stage: "LEAD",
        default_probability: "10.00",
        forecast_category: "PIPELINE",
        stale_after_days: null,
        effective_stale_after_days: null,
      },
      {
        stage: "QUALIFIED",
        default_probability: "25.00",
        forecast_category: "PIPELINE",
        stale_after_days: null,
        effective_stale_after_days: null,
      },
      {
        stage: "PROPOSAL",
        default_probability: "50.00",
        forecast_category: "BEST_CASE",
        stale_after_days: null,
        effective_stale_after_days: null,
      },
      {
        stage: "NEGOTIATION",
        default_probability: "75.00",
        forecast_category: "COMMIT",
        stale_after_days: null,
        effective_stale_after_days: null,
      },
    ]);
  });

  it("an admin's default probability is what new deals and stage moves take", async () => {
    const saved = await setStages(w, [{ stage: "PROPOSAL", default_probability: "40", forecast_category: "COMMIT" }]);
    expect(saved.status).toBe(200);
    expect(saved.body.stages[2]).toMatchObject({ default_probability: "40.00", forecast_category: "COMMIT", stale_after_days: null });
    expect((await createOpp(w, w.rep.token, { stage: "PROPOSAL" })).probability).toBe("40.00");
    const lead = await createOpp(w, w.rep.token);
    expect((await patch(`/opportunities/${lead.id}/stage`, { stage: "PROPOSAL" }, { token: w.rep.token })).body.probability).toBe("40.00");
    const other = await createOpp(w, w.rep.token);
    expect((await put(`/opportunities/${other.id}`, { stage: "PROPOSAL" }, { token: w.rep.token })).body.probability).toBe("40.00");
    expect((await createOpp(w, w.rep.token, { stage: "QUALIFIED" })).probability).toBe("25.00");
  });

  it.each([
    ["a closed stage", [{ stage: "CLOSED_WON", stale_after_days: 3 }]],
    ["zero days", [{ stage: "LEAD", stale_after_days: 0 }]],
    ["a word other than auto", [{ stage: "LEAD", stale_after_days: "soon" }]],
    ["a probability over 100", [{ stage: "LEAD", default_probability: "100.01" }]],
    ["an unknown category", [{ stage: "LEAD", forecast_category: "MAYBE" }]],
  ])("refuses %s (422)", async (_label, stages) => {
    expect((await setStages(w, stages)).status).toBe(422);
  });

  it("only admins change them", async () => {
    const response = await put("/pipeline/stages", { stages: [{ stage: "LEAD", stale_after_days: 5 }] }, { token: w.supervisor.token });
    expect(response.status).toBe(403);
  });
});
