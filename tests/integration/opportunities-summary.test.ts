import { beforeAll, describe, expect, it } from "vitest";
import { del, get, patch, post, put } from "../helpers/api";
import { upload } from "../helpers/imports";
import { createOpp, createWorld, dateIn, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;

const zero = { count: 0, total_value: "0.00", weighted_value: "0.00", average_probability: "0.00" };
type StageTotalsBody = { stages: Array<{ stage: string; count: number; total_value: string; weighted_value: string }> };
const totalsOf = (body: StageTotalsBody) =>
  body.stages.map(({ stage, count, total_value, weighted_value }) => ({ stage, count, total_value, weighted_value }));

/** A name search is answered from the deals themselves, the plain board from the stored totals: they must agree. */
async function expectStoredTotalsAsCounted(t: OppWorld) {
  for (const token of [t.admin.token, t.rep.token, t.otherRep.token]) {
    const stored = await get("/opportunities/pipeline/board?limit=1", { token });
    const counted = await get("/opportunities/pipeline/board?limit=1&q=Deal", { token });
    expect(totalsOf(stored.body)).toEqual(totalsOf(counted.body));
  }
}

const summaryOf = async (token: string, query = "") => {
  const res = await get(`/opportunities/pipeline/summary${query}`, { token });
  expect(res.status).toBe(200);
  return res.body;
};

/**
 * A known data set in a fresh tenant. Weighted values round half up per deal:
 * 0.10 × 33.33% = 0.03333 → 0.03, 999.99 × 50% = 499.995 → 500.00, 0.50 × 1% = 0.005 → 0.01,
 * 1234567890.99 × 75% = 925925918.2425 → 925925918.24.
 */
beforeAll(async () => {
  w = await createWorld("Summary");
  const rep = w.rep.token;
  const otherRep = w.otherRep.token;
  await createOpp(w, rep, { estimated_value: "100.00" });
  await createOpp(w, rep, { estimated_value: "0.10", probability: "33.33" });
  await createOpp(w, rep, { estimated_value: "2000.00", stage: "QUALIFIED" });
  await createOpp(w, rep, { estimated_value: "999.99", stage: "PROPOSAL" });
  await createOpp(w, rep, { estimated_value: "1234567890.99", stage: "NEGOTIATION" });
  const won = await createOpp(w, rep, { estimated_value: "5000.00", stage: "NEGOTIATION" });
  await patch(`/opportunities/${won.id}/stage`, { stage: "CLOSED_WON" }, { token: rep });
  const lost = await createOpp(w, rep, { estimated_value: "300.00" });
  await patch(`/opportunities/${lost.id}/stage`, { stage: "CLOSED_LOST", loss_reason: "Price" }, { token: rep });

  await createOpp(w, otherRep, { estimated_value: "0.50", probability: "1" });
  const otherWon = await createOpp(w, otherRep, { estimated_value: "700.00" });
  await patch(`/opportunities/${otherWon.id}/stage`, { stage: "CLOSED_WON" }, { token: otherRep });
  const deleted = await createOpp(w, otherRep, { estimated_value: "1000000.00" });
  await del(`/opportunities/${deleted.id}`, { token: w.admin.token });
});

describe("pipeline summary", () => {
  it("aggregates the whole tenant for a manager, every stage present, money exact", async () => {
    for (const token of [w.admin.token, w.supervisor.token]) {
      expect(await summaryOf(token)).toEqual({
        base_currency: "USD",
        total_opportunities: 9,
        total_value: "1234576991.58",
        weighted_value: "925932628.28",
        by_stage: {
          LEAD: { count: 3, total_value: "100.60", weighted_value: "10.04", average_probability: "14.78" },
          QUALIFIED: { count: 1, total_value: "2000.00", weighted_value: "500.00", average_probability: "25.00" },
          PROPOSAL: { count: 1, total_value: "999.99", weighted_value: "500.00", average_probability: "50.00" },
          NEGOTIATION: { count: 1, total_value: "1234567890.99", weighted_value: "925925918.24", average_probability: "75.00" },
          CLOSED_WON: { count: 2, total_value: "5700.00", weighted_value: "5700.00", average_probability: "100.00" },
          CLOSED_LOST: { count: 1, total_value: "300.00", weighted_value: "0.00", average_probability: "0.00" },
        },
        win_rate: "66.67",
        average_deal_size: "137175221.29",
        total_won: 2,
        total_lost: 1,
        active_opportunities: 6,
      });
    }
  });

  it("covers only a rep's own deals (average probability 21.665 rounds half up to 21.67)", async () => {
    expect(await summaryOf(w.rep.token)).toEqual({
      base_currency: "USD",
      total_opportunities: 7,
      total_value: "1234576291.08",
      weighted_value: "925931928.27",
      by_stage: {
        LEAD: { count: 2, total_value: "100.10", weighted_value: "10.03", average_probability: "21.67" },
        QUALIFIED: { count: 1, total_value: "2000.00", weighted_value: "500.00", average_probability: "25.00" },
        PROPOSAL: { count: 1, total_value: "999.99", weighted_value: "500.00", average_probability: "50.00" },
        NEGOTIATION: { count: 1, total_value: "1234567890.99", weighted_value: "925925918.24", average_probability: "75.00" },
        CLOSED_WON: { count: 1, total_value: "5000.00", weighted_value: "5000.00", average_probability: "100.00" },
        CLOSED_LOST: { count: 1, total_value: "300.00", weighted_value: "0.00", average_probability: "0.00" },
      },
      win_rate: "50.00",
      average_deal_size: "176368041.58",
      total_won: 1,
      total_lost: 1,
      active_opportunities: 5,
    });
  });

  it("narrows a manager's summary with assigned_to", async () => {
    const summary = await summaryOf(w.supervisor.token, `?assigned_to=${w.otherRep.userId}`);
    expect(summary).toMatchObject({
      total_opportunities: 2,
      total_value: "700.50",
      weighted_value: "700.01",
      win_rate: "100.00",
      average_deal_size: "350.25",
      total_won: 1,
      total_lost: 0,
      active_opportunities: 1,
    });
    expect(summary.by_stage.LEAD).toEqual({ count: 1, total_value: "0.50", weighted_value: "0.01", average_probability: "1.00" });
    expect(summary.by_stage.NEGOTIATION).toEqual(zero);
  });

  it("gives a rep asking for someone else's deals nothing but zeros", async () => {
    const summary = await summaryOf(w.rep.token, `?assigned_to=${w.otherRep.userId}`);
    expect(summary).toMatchObject({
      total_opportunities: 0,
      total_value: "0.00",
      weighted_value: "0.00",
      win_rate: "0.00",
      average_deal_size: "0.00",
    });
  });

  it('is all zeros ("0.00", every stage listed) for a tenant without deals', async () => {
    const empty = await createWorld("Summary empty");
    expect(await summaryOf(empty.admin.token)).toEqual({
      base_currency: "USD",
      total_opportunities: 0,
      total_value: "0.00",
      weighted_value: "0.00",
      by_stage: { LEAD: zero, QUALIFIED: zero, PROPOSAL: zero, NEGOTIATION: zero, CLOSED_WON: zero, CLOSED_LOST: zero },
      win_rate: "0.00",
      average_deal_size: "0.00",
      total_won: 0,
      total_lost: 0,
      active_opportunities: 0,
    });
  });

  it("agrees with the cards: each stage's weighted value is the sum of its deals' weighted values", async () => {
    const summary = await summaryOf(w.admin.token);
    const { body } = await get("/opportunities?page_size=100", { token: w.admin.token });
    const cents = (text: string) => BigInt(text.replace(".", ""));
    for (const [stage, totals] of Object.entries(summary.by_stage) as [string, { weighted_value: string; total_value: string }][]) {
      const items = body.items.filter((o: { stage: string }) => o.stage === stage);
      expect(items.reduce((sum: bigint, o: { weighted_value: string }) => sum + cents(o.weighted_value), 0n)).toBe(
        cents(totals.weighted_value),
      );
      expect(items.reduce((sum: bigint, o: { estimated_value: string }) => sum + cents(o.estimated_value), 0n)).toBe(
        cents(totals.total_value),
      );
    }
  });

  it("stays exact through edits, moves, reassignments and deletes: the stored totals equal a count of the deals", async () => {
    const t = await createWorld("Summary writes");
    const [a, b, c] = [
      await createOpp(t, t.rep.token, { name: "Deal A", estimated_value: "10.05", probability: "33.33" }),
      await createOpp(t, t.rep.token, { name: "Deal B", estimated_value: "2500.00", stage: "PROPOSAL" }),
      await createOpp(t, t.admin.token, { name: "Deal C", estimated_value: "99.99", assigned_to: t.otherRep.userId }),
    ];
    await put(`/opportunities/${a.id}`, { estimated_value: "20.15", probability: "12.5" }, { token: t.rep.token });
    await patch(`/opportunities/${b.id}/stage`, { stage: "CLOSED_WON" }, { token: t.rep.token });
    await put(`/opportunities/${c.id}`, { assigned_to: t.rep.userId, stage: "NEGOTIATION" }, { token: t.admin.token });
    await del(`/opportunities/${a.id}`, { token: t.admin.token });
    await createOpp(t, t.rep.token, { name: "Deal D", estimated_value: "0.50", probability: "1" });

    await expectStoredTotalsAsCounted(t);
    expect((await summaryOf(t.admin.token)).by_stage).toMatchObject({
      LEAD: { count: 1, total_value: "0.50", weighted_value: "0.01", average_probability: "1.00" },
      NEGOTIATION: { count: 1, total_value: "99.99", weighted_value: "74.99" },
      CLOSED_WON: { count: 1, total_value: "2500.00", weighted_value: "2500.00" },
    });
    expect((await get("/opportunities", { token: t.rep.token })).body.total).toBe(3);
    expect((await get("/opportunities", { token: t.otherRep.token })).body.total).toBe(0);
  });

  it("counts each deal of a many-row insert (an import) once, per owner and stage, with the deals already there", async () => {
    const t = await createWorld("Summary import");
    await createOpp(t, t.rep.token, { name: "Deal before", estimated_value: "1.00", probability: "50" });
    const close = dateIn(30);
    const csv = [
      "name,client,owner_email,stage,estimated_value,probability,expected_close_date",
      `Deal 1,Acme Corp,${t.rep.email},LEAD,10.05,33.33,${close}`,
      `Deal 2,Acme Corp,${t.rep.email},LEAD,0.50,1,${close}`,
      `Deal 3,Globex,${t.otherRep.email},LEAD,99.99,75,${close}`,
      `Deal 4,Globex,${t.rep.email},PROPOSAL,2500.00,,${close}`,
    ].join("\n");
    const dry = await upload(csv, { token: t.admin.token });
    expect(dry.body).toMatchObject({ valid_rows: 4, error_count: 0 });
    expect((await post(`/imports/${dry.body.id}/commit`, undefined, { token: t.admin.token })).status).toBe(200);

    await expectStoredTotalsAsCounted(t);
    expect((await summaryOf(t.rep.token)).by_stage).toMatchObject({
      LEAD: { count: 3, total_value: "11.55", weighted_value: "3.86" },
      PROPOSAL: { count: 1, total_value: "2500.00" },
    });
  });

  it("rejects a malformed assigned_to (422)", async () => {
    expect((await get("/opportunities/pipeline/summary?assigned_to=me", { token: w.admin.token })).status).toBe(422);
  });
});
