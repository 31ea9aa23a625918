import { beforeAll, describe, expect, it } from "vitest";
import { addDays, fixedClock, toIsoDate, utcDate } from "@/lib/clock";
import { backtestForecast } from "@/lib/forecast";
import { createOpportunity, deleteOpportunity, reopenOpportunity, updateStage } from "@/lib/opportunities";
import { stageWinRates } from "@/lib/forecast/win-rates";
import { get } from "../helpers/api";
import { createWorld, type OppWorld } from "./opportunities-helpers";

/**
 * A team's history, written through the opportunities module with clocks in the past (T0 = 60 days ago):
 *   T0:    20 PROPOSAL deals; at T0+2, 15 of them won and 5 lost → PROPOSAL's historical win rate 15/20 = 75 %
 *   T0+3:  4 PROPOSAL deals of 1,000, 2,000, 3,000 and 4,000, expected on T0+20
 *   T0+15: the 1,000 and the 3,000 won, the 2,000 lost; the 4,000 still open
 * As of T0+4, for T0+10 … T0+30: each of the 4 deals is won with 75 %; the won total's distribution (16 subsets)
 * puts p10 at 4,000 (P(≤3,000) = 0.074, P(≤4,000) = 0.121), p50 at 8,000 (0.473 / 0.578) and p90 at 10,000
 * (P(≤9,000) = 0.684). What closed: 4,000 — inside p10–p90.
 */
let w: OppWorld;
const today = utcDate(new Date());
const T0 = addDays(today, -60);
const at = (days: number) => fixedClock(new Date(addDays(T0, days).getTime() + 10 * 3_600_000));
const day = (days: number) => toIsoDate(addDays(T0, days));

beforeAll(async () => {
  w = await createWorld("Backtest");
  const deal = (name: string, value: string, closeDay: number, clock: ReturnType<typeof at>) =>
    createOpportunity(
      w.rep,
      {
        name,
        client_id: w.clientId,
        estimated_value: value,
        expected_close_date: new Date(`${day(closeDay)}T00:00:00Z`),
        stage: "PROPOSAL",
      },
      clock,
    );
  for (let i = 0; i < 20; i++) {
    const old = await deal(`Old ${i}`, "500.00", 5, at(0));
    await updateStage(w.rep, old.id, i < 15 ? { stage: "CLOSED_WON" } : { stage: "CLOSED_LOST", loss_reason: "Budget" }, { clock: at(2) });
  }
  const window = [];
  for (const value of ["1000.00", "2000.00", "3000.00", "4000.00"]) window.push(await deal(`Window ${value}`, value, 20, at(3)));
  await updateStage(w.rep, window[0]!.id, { stage: "CLOSED_WON" }, { clock: at(15) });
  await updateStage(w.rep, window[2]!.id, { stage: "CLOSED_WON" }, { clock: at(15) });
  await updateStage(w.rep, window[1]!.id, { stage: "CLOSED_LOST", loss_reason: "Budget" }, { clock: at(15) });
});

describe("backtest of the forecast", () => {
  it("predicts from what was known as of a past day and compares with what closed", async () => {
    const asOf = new Date(`${day(5)}T00:00:00Z`);
    const result = await backtestForecast(w.admin, asOf, { from: day(10), to: day(30) });
    expect(result).toMatchObject({
      open_deals_then: 4,
      won_then: "0.00",
      predicted: { p10: "4000.00", p50: "8000.00", p90: "10000.00" },
      actual_won: "4000.00",
      inside_p10_p90: true,
    });
    expect(await backtestForecast(w.admin, asOf, { from: day(10), to: day(30) })).toEqual(result);
  });

  it("the live forecast learns PROPOSAL's win rate from history once 20 deals through it have closed", async () => {
    const res = await get(`/analytics/forecast?from=${day(0).slice(0, 7)}&periods=1`, { token: w.rep.token });
    expect(res.status, res.text).toBe(200);
    const proposal = res.body.simulation.win_rates.find((rate: { stage: string }) => rate.stage === "PROPOSAL");
    // 23 closed deals went through PROPOSAL: 17 won.
    expect(proposal).toEqual({ stage: "PROPOSAL", rate: "73.91", source: "history", closed: 23 });
    expect(res.body.simulation.closed_deals).toBe(23);
  });
});

describe("win rates from the stages each deal reached", () => {
  it("count what the stage history says: steps skipped, a reopened deal, a deleted one", async () => {
    const t = await createWorld("Reached");
    const stages = ["QUALIFIED", "PROPOSAL", "NEGOTIATION", "CLOSED_WON"] as const;
    for (let i = 0; i < 6; i++) {
      const deal = await createOpportunity(t.rep, {
        name: `Reached ${i}`,
        client_id: t.clientId,
        estimated_value: "100.00",
        expected_close_date: new Date(`${day(90)}T00:00:00Z`),
        stage: "LEAD",
      });
      for (const stage of stages.slice(i % 3))
        await updateStage(t.rep, deal.id, stage === "CLOSED_WON" && i % 2 ? { stage: "CLOSED_LOST", loss_reason: "Budget" } : { stage });
      if (i === 4) await reopenOpportunity(t.admin, deal.id, { stage: "NEGOTIATION", reason: "Came back" });
      if (i === 5) await deleteOpportunity(t.admin, deal.id);
    }
    const probabilities = Promise.resolve({});
    const live = await stageWinRates(t.tenantId, probabilities);
    const fromHistory = await stageWinRates(t.tenantId, probabilities, new Date(Date.now() + 60_000));
    expect(live).toEqual(fromHistory);
    // Deals 0–3 closed (4 reopened, 5 deleted); all four went through NEGOTIATION, 0 and 3 through QUALIFIED.
    expect(live.closedDeals).toBe(4);
    expect(live.rates.map(({ stage, closed }) => [stage, closed])).toEqual([
      ["LEAD", 4],
      ["QUALIFIED", 2],
      ["PROPOSAL", 3],
      ["NEGOTIATION", 4],
    ]);
  });
});
