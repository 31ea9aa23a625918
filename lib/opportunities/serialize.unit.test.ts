import { describe, expect, it } from "vitest";
import type { StageTotals } from "./rows";
import { STAGES } from "./rules";
import { serializeSummary } from "./serialize";

const empty = (stage: StageTotals["stage"]): StageTotals => ({
  stage,
  count: 0,
  totalValue: "0",
  weightedValue: "0",
  averageProbability: "0",
});

describe("pipeline summary", () => {
  it("is all zeros, every stage present, with no deals", () => {
    const summary = serializeSummary({ baseCurrency: "USD", stages: STAGES.map(empty) });
    expect(summary).toMatchObject({
      total_opportunities: 0,
      total_value: "0.00",
      weighted_value: "0.00",
      win_rate: "0.00",
      average_deal_size: "0.00",
      total_won: 0,
      total_lost: 0,
      active_opportunities: 0,
    });
    expect(Object.keys(summary.by_stage)).toEqual([...STAGES]);
    expect(summary.by_stage.LEAD).toEqual({ count: 0, total_value: "0.00", weighted_value: "0.00", average_probability: "0.00" });
  });

  it("sums stages exactly and derives win rate and average deal size", () => {
    const stages = STAGES.map(empty);
    stages[0] = { stage: "LEAD", count: 2, totalValue: "0.20", weightedValue: "0.06", averageProbability: "33.33" };
    stages[4] = { stage: "CLOSED_WON", count: 2, totalValue: "1000.00", weightedValue: "1000.00", averageProbability: "100.00" };
    stages[5] = { stage: "CLOSED_LOST", count: 1, totalValue: "0.10", weightedValue: "0.00", averageProbability: "0.00" };
    const summary = serializeSummary({ baseCurrency: "USD", stages });
    expect(summary).toMatchObject({
      total_opportunities: 5,
      total_value: "1000.30",
      weighted_value: "1000.06",
      win_rate: "66.67",
      average_deal_size: "200.06",
      total_won: 2,
      total_lost: 1,
      active_opportunities: 2,
    });
  });
});
