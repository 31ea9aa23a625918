import { beforeAll, describe, expect, it } from "vitest";
import { get, patch, put } from "../helpers/api";
import { createOpp, createWorld, todayIso, type OppWorld } from "./opportunities-helpers";

/**
 * A hand-computed forecast. Base currency USD, EUR at 1.10. Months M0 (this month), M1, M2:
 *   rep:      E won 1500 (closed today, M0); A NEGOTIATION 1000 (M1, COMMIT, 75%); B PROPOSAL 2000 EUR = 2200 (M1,
 *             BEST_CASE, 50%); D QUALIFIED 300 set OMITTED (M1); C LEAD 500 (M2, PIPELINE, 10%)
 *   otherRep: F NEGOTIATION 4000 (M2, COMMIT, 75%)
 *   targets:  rep M0 2000, M1 3000; otherRep M1 1000
 */
let w: OppWorld;
let other: OppWorld;
const month = (offset: number) => {
  const today = new Date(`${todayIso()}T00:00:00Z`);
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
};
const M = [month(0), month(1), month(2)];
const quarterOf = (m: string) => `${m.slice(0, 4)}-Q${Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1}`;

beforeAll(async () => {
  [w, other] = await Promise.all([createWorld("Forecast"), createWorld("Forecast other")]);
  const rates = await put(
    "/exchange-rates",
    { rates: [{ currency: "EUR", rate: "1.10", effective_from: todayIso() }] },
    { token: w.admin.token },
  );
  expect(rates.status, rates.text).toBe(200);
  const won = await createOpp(w, w.rep.token, { name: "E", estimated_value: "1500.00", stage: "NEGOTIATION" });
  expect((await patch(`/opportunities/${won.id}/stage`, { stage: "CLOSED_WON" }, { token: w.rep.token })).status).toBe(200);
  await createOpp(w, w.rep.token, { name: "A", estimated_value: "1000.00", stage: "NEGOTIATION", expected_close_date: `${M[1]}-15` });
  await createOpp(w, w.rep.token, {
    name: "B",
    estimated_value: "2000.00",
    currency: "EUR",
    stage: "PROPOSAL",
    expected_close_date: `${M[1]}-20`,
  });
  const omitted = await createOpp(w, w.rep.token, {
    name: "D",
    estimated_value: "300.00",
    stage: "QUALIFIED",
    expected_close_date: `${M[1]}-01`,
  });
  expect((await put(`/opportunities/${omitted.id}`, { forecast_category: "OMITTED" }, { token: w.rep.token })).status).toBe(200);
  await createOpp(w, w.rep.token, { name: "C", estimated_value: "500.00", stage: "LEAD", expected_close_date: `${M[2]}-28` });
  await createOpp(w, w.otherRep.token, { name: "F", estimated_value: "4000.00", stage: "NEGOTIATION", expected_close_date: `${M[2]}-10` });
  const targets = await put(
    "/targets",
    {
      targets: [
        { user_id: w.rep.userId, month: M[0], amount: "2000" },
        { user_id: w.rep.userId, month: M[1], amount: "3000.00" },
        { user_id: w.otherRep.userId, month: M[1], amount: "1000.00" },
      ],
    },
    { token: w.supervisor.token },
  );
  expect(targets.status, targets.text).toBe(200);
});

type Figures = Record<string, string | number | null>;
const zero = {
  target: "0.00",
  closed_won: "0.00",
  commit: "0.00",
  best_case: "0.00",
  pipeline: "0.00",
  weighted: "0.00",
  gap: "0.00",
  open_deals: 0,
};
const pick = ({ target, closed_won, commit, best_case, pipeline, weighted, attainment, gap, open_deals }: Figures) => ({
  target,
  closed_won,
  commit,
  best_case,
  pipeline,
  weighted,
  attainment,
  gap,
  open_deals,
});

const REP = [
  { ...zero, target: "2000.00", closed_won: "1500.00", attainment: "75.00", gap: "500.00" },
  {
    ...zero,
    target: "3000.00",
    commit: "1000.00",
    best_case: "2200.00",
    weighted: "1850.00",
    attainment: "0.00",
    gap: "3000.00",
    open_deals: 3,
  },
  { ...zero, pipeline: "500.00", weighted: "50.00", attainment: null, open_deals: 1 },
];
const OTHER = [
  null,
  { ...zero, target: "1000.00", attainment: "0.00", gap: "1000.00" },
  { ...zero, commit: "4000.00", weighted: "3000.00", attainment: null, open_deals: 1 },
];
const TOTAL = [
  REP[0],
  {
    ...zero,
    target: "4000.00",
    commit: "1000.00",
    best_case: "2200.00",
    weighted: "1850.00",
    attainment: "0.00",
    gap: "4000.00",
    open_deals: 3,
  },
  { ...zero, commit: "4000.00", pipeline: "500.00", weighted: "3050.00", attainment: null, open_deals: 2 },
];

const forecast = (query: string, token: string) => get(`/analytics/forecast?${query}`, { token });

describe("GET /analytics/forecast", () => {
  it("per month and rep: targets, won, categories, weighted, attainment and gap, in the base currency", async () => {
    const res = await forecast(`period=month&from=${M[0]}&periods=3`, w.admin.token);
    expect(res.status, res.text).toBe(200);
    expect(res.body.base_currency).toBe("USD");
    expect(res.body.periods.map((p: { key: string }) => p.key)).toEqual(M);
    res.body.periods.forEach((period: Figures & { reps: Array<Figures & { user: { id: string } }> }, i: number) => {
      expect(pick(period), `total ${M[i]}`).toEqual(TOTAL[i]);
      const rep = period.reps.find((r) => r.user.id === w.rep.userId);
      const otherRep = period.reps.find((r) => r.user.id === w.otherRep.userId);
      expect(rep && pick(rep), `rep ${M[i]}`).toEqual(REP[i]);
      expect(otherRep ? pick(otherRep) : null, `other rep ${M[i]}`).toEqual(OTHER[i]);
    });
  });

  it("a quarter is the sum of its months (targets included)", async () => {
    const res = await forecast(`period=quarter&from=${M[0]}&periods=2`, w.admin.token);
    expect(res.status, res.text).toBe(200);
    for (const period of res.body.periods as Array<Figures & { key: string }>) {
      const months = M.map((m, i) => [m, i] as const).filter(([m]) => quarterOf(m) === period.key);
      const sum = (field: string) =>
        months.reduce((total, [, i]) => total + Math.round(Number((TOTAL[i] as Figures)[field]) * 100), 0) / 100;
      for (const field of ["target", "closed_won", "commit", "best_case", "pipeline", "weighted"])
        expect(Number(period[field]), `${period.key} ${field}`).toBe(sum(field));
    }
  });

  it("the range: already won when nothing is open, ordered p10 ≤ p50 ≤ p90 within won…won + open, the same numbers again", async () => {
    const first = await forecast(`from=${M[0]}&periods=3`, w.admin.token);
    const again = await forecast(`from=${M[0]}&periods=3`, w.admin.token);
    expect(again.body).toEqual(first.body);
    expect(first.body.simulation).toMatchObject({ runs: 10000, seed: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(
      first.body.simulation.win_rates.map((r: { stage: string; rate: string; source: string }) => [r.stage, r.rate, r.source]),
    ).toEqual([
      ["LEAD", "10.00", "stage_probability"],
      ["QUALIFIED", "25.00", "stage_probability"],
      ["PROPOSAL", "50.00", "stage_probability"],
      ["NEGOTIATION", "75.00", "stage_probability"],
    ]);
    const [m0, m1] = first.body.periods;
    expect([m0.p10, m0.p50, m0.p90]).toEqual(["1500.00", "1500.00", "1500.00"]);
    // M1: A 1000 (75%), B 2200 (50%), D 300 (25%: the range ignores the category call); the outcomes are sums of subsets.
    const subsets = [0, 1000, 2200, 300, 3200, 1300, 2500, 3500];
    for (const p of [m1.p10, m1.p50, m1.p90]) expect(subsets).toContain(Number(p));
    expect(Number(m1.p10)).toBeLessThanOrEqual(Number(m1.p50));
    expect(Number(m1.p50)).toBeLessThanOrEqual(Number(m1.p90));
  });

  it("a rep sees only their own deals and targets; another tenant sees nothing of these", async () => {
    const mine = await forecast(`from=${M[0]}&periods=3`, w.rep.token);
    expect(mine.status).toBe(200);
    mine.body.periods.forEach((period: Figures & { reps: Array<{ user: { id: string } }> }, i: number) => {
      expect(period.reps.map((r) => r.user.id)).toEqual([w.rep.userId]);
      expect(pick(period)).toEqual(REP[i]);
    });
    const theirs = await forecast(`from=${M[0]}&periods=3&assigned_to=${w.otherRep.userId}`, w.rep.token);
    for (const period of theirs.body.periods) expect(period.reps).toEqual([]);
    const foreign = await forecast(`from=${M[0]}&periods=3`, other.admin.token);
    expect(JSON.stringify(foreign.body)).not.toContain(w.rep.userId);
    for (const period of foreign.body.periods) expect(pick(period)).toEqual({ ...zero, attainment: null });
  });

  it("bad input is a 422 naming the field", async () => {
    for (const query of ["from=2026-13", "from=2026-01&periods=0", "from=2026-01&periods=25", "from=2026-01&period=week"]) {
      const res = await forecast(query, w.admin.token);
      expect(res.status, query).toBe(422);
    }
  });
});

describe("targets", () => {
  it("managers set them; reps read only their own; 0 removes one", async () => {
    const byRep = await put("/targets", { targets: [{ user_id: w.rep.userId, month: M[0], amount: "1" }] }, { token: w.rep.token });
    expect(byRep.status).toBe(403);
    const mine = await get(`/targets?from=${M[0]}&to=${M[2]}`, { token: w.rep.token });
    expect(mine.body.items.map((t: { month: string; amount: string }) => [t.month, t.amount])).toEqual([
      [M[0], "2000.00"],
      [M[1], "3000.00"],
    ]);
    const all = await get(`/targets?from=${M[0]}&to=${M[2]}`, { token: w.admin.token });
    expect(all.body.items).toHaveLength(3);
    const asRepForOther = await get(`/targets?from=${M[0]}&to=${M[2]}&user_id=${w.otherRep.userId}`, { token: w.rep.token });
    expect(asRepForOther.body.items).toEqual([]);

    const removed = await put(
      "/targets",
      { targets: [{ user_id: w.otherRep.userId, month: M[2], amount: "0" }] },
      { token: w.admin.token },
    );
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.items).toEqual([]);
  });

  it("refuses users of another company and bad months, writing nothing", async () => {
    const foreign = await put(
      "/targets",
      {
        targets: [
          { user_id: w.rep.userId, month: M[0], amount: "5" },
          { user_id: other.rep.userId, month: M[0], amount: "5" },
        ],
      },
      { token: w.admin.token },
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors.map((e: { field: string }) => e.field)).toEqual(["targets.1.user_id"]);
    expect((await get(`/targets?from=${M[0]}&to=${M[0]}`, { token: w.rep.token })).body.items[0].amount).toBe("2000.00");
    expect(
      (await put("/targets", { targets: [{ user_id: w.rep.userId, month: "2026-1", amount: "5" }] }, { token: w.admin.token })).status,
    ).toBe(422);
    expect((await get(`/targets?from=${M[2]}&to=${M[0]}`, { token: w.admin.token })).status).toBe(422);
  });
});
