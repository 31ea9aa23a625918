import { describe, expect, it } from "vitest";
import { fromCents, toCents } from "./money-cents";
import { seedOf } from "./seed";
import { chanceThreshold, expectedWon, percentileOf, percentilesOf, simulateWon, TWO_POW_32, type SimDeal } from "./simulate";

/** A large fixture: 2,000 deals of 100.00–50,099.00 with chances 10–75 %, in 4 buckets over 2 periods. */
function largeFixture(): { deals: SimDeal[]; buckets: { period: number; wonCents: number }[] } {
  const chances = [10n, 25n, 50n, 75n];
  const deals = Array.from({ length: 2000 }, (_, i) => ({
    bucket: i % 4,
    cents: 10_000 + ((i * 7919) % 500) * 10_000,
    threshold: chanceThreshold(chances[i % 4]!, 100n),
  }));
  return { deals, buckets: [0, 1, 0, 1].map((period, b) => ({ period, wonCents: b * 100_000 })) };
}

const standardDeviation = (deals: SimDeal[]) =>
  Math.sqrt(deals.reduce((sum, d) => sum + (d.threshold / TWO_POW_32) * (1 - d.threshold / TWO_POW_32) * d.cents ** 2, 0));

describe("simulateWon", () => {
  it("is deterministic: the same input and seed give the same numbers; another seed other ones", () => {
    const { deals, buckets } = largeFixture();
    const a = simulateWon({ deals, buckets, periods: 2 }, 42, 2000);
    const b = simulateWon({ deals, buckets, periods: 2 }, 42, 2000);
    const c = simulateWon({ deals, buckets, periods: 2 }, 43, 2000);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("p50 lies within 0.1 σ of the analytic expectation, p10 and p90 within 0.1 σ of μ ∓ 1.2816 σ (large fixture, 10,000 runs)", () => {
    const { deals, buckets } = largeFixture();
    const result = simulateWon({ deals, buckets, periods: 2 }, seedOf("large").seed);
    for (let b = 0; b < 4; b++) {
      const own = deals.filter((d) => d.bucket === b);
      const mean = expectedWon(own, buckets[b]!.wonCents);
      const sigma = standardDeviation(own);
      expect(Math.abs(result.buckets[b]!.p50 - mean), `bucket ${b} p50`).toBeLessThan(0.1 * sigma);
      expect(Math.abs(result.buckets[b]!.p10 - (mean - 1.2816 * sigma)), `bucket ${b} p10`).toBeLessThan(0.1 * sigma);
      expect(Math.abs(result.buckets[b]!.p90 - (mean + 1.2816 * sigma)), `bucket ${b} p90`).toBeLessThan(0.1 * sigma);
    }
    for (let period = 0; period < 2; period++) {
      const own = deals.filter((d) => buckets[d.bucket]!.period === period);
      const won = buckets.filter((b) => b.period === period).reduce((sum, b) => sum + b.wonCents, 0);
      expect(Math.abs(result.periods[period]!.p50 - expectedWon(own, won))).toBeLessThan(0.1 * standardDeviation(own));
    }
  });

  it("answers whole cents: every percentile is a sum of deal values plus what is won", () => {
    const deals = [
      { bucket: 0, cents: 12_345, threshold: chanceThreshold(1n, 2n) },
      { bucket: 0, cents: 100, threshold: chanceThreshold(1n, 3n) },
    ];
    const result = simulateWon({ deals, buckets: [{ period: 0, wonCents: 1 }], periods: 1 }, 7);
    for (const value of Object.values(result.buckets[0]!)) expect([1, 101, 12_346, 12_446]).toContain(value);
  });

  it("a sure deal is always won, an impossible one never", () => {
    const deals = [
      { bucket: 0, cents: 500, threshold: chanceThreshold(1n, 1n) },
      { bucket: 0, cents: 700, threshold: chanceThreshold(0n, 1n) },
    ];
    expect(simulateWon({ deals, buckets: [{ period: 0, wonCents: 0 }], periods: 1 }, 1).periods[0]).toEqual({
      p10: 500,
      p50: 500,
      p90: 500,
    });
  });
});

describe("the simulation's exact pieces", () => {
  it("chances are integer thresholds out of 2^32", () => {
    expect(chanceThreshold(1n, 2n)).toBe(2 ** 31);
    expect(chanceThreshold(2500n, 10_000n)).toBe(2 ** 30);
    expect(chanceThreshold(1n, 3n)).toBe(1_431_655_765);
  });

  it("percentiles are nearest-rank", () => {
    const runs = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect([percentileOf(runs, 10), percentileOf(runs, 50), percentileOf(runs, 90)]).toEqual([1, 5, 9]);
  });

  it("decimal text ↔ cents exactly", () => {
    expect(toCents("1234.5")).toBe(123_450);
    expect(toCents("0.07")).toBe(7);
    expect(toCents("-3.25")).toBe(-325);
    expect(fromCents(123_450)).toBe("1234.50");
    expect(fromCents(-5)).toBe("-0.05");
    expect(toCents("90071992547409.91")).toBe(9_007_199_254_740_991);
  });

  it("the seed is a hash of the inputs", () => {
    expect(seedOf({ a: 1 })).toEqual(seedOf({ a: 1 }));
    expect(seedOf({ a: 1 }).hex).not.toBe(seedOf({ a: 2 }).hex);
  });
});

describe("simulateWon's chunks", () => {
  it("a chunk of 10 deals is won as 10 independent deals: the exact CDF at p10/p50/p90 is within 0.01 of 10/50/90 %", () => {
    // deal i is worth 2^i cents, so a run's total says exactly which deals were won; 30 % each
    const deals = Array.from({ length: 10 }, (_, i) => ({ bucket: 0, cents: 2 ** i, threshold: chanceThreshold(3n, 10n) }));
    const exact = new Float64Array(1024);
    for (let mask = 0; mask < 1024; mask++) {
      const won = mask.toString(2).replaceAll("0", "").length;
      exact[mask] = 0.3 ** won * 0.7 ** (10 - won);
    }
    const cdf = (total: number) => exact.slice(0, total + 1).reduce((sum, p) => sum + p, 0);
    const result = simulateWon({ deals, buckets: [{ period: 0, wonCents: 0 }], periods: 1 }, 99, 20_000);
    expect(Math.abs(cdf(result.buckets[0]!.p10) - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(cdf(result.buckets[0]!.p50) - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(cdf(result.buckets[0]!.p90) - 0.9)).toBeLessThan(0.01);
  });

  it("percentiles are the nearest-rank ones of the sorted runs (selection, not a full sort)", () => {
    // a bucket whose runs are known: one sure deal and one of chance 1/2 over 101 runs
    const deals = [
      { bucket: 0, cents: 100, threshold: chanceThreshold(1n, 1n) },
      { bucket: 0, cents: 1, threshold: chanceThreshold(1n, 2n) },
    ];
    const result = simulateWon({ deals, buckets: [{ period: 0, wonCents: 0 }], periods: 1 }, 5, 101);
    expect(result.buckets[0]!.p10).toBe(100);
    expect(result.buckets[0]!.p90).toBe(101);
  });
});

describe("percentilesOf", () => {
  it("gives the nearest-rank p10, p50, p90 of the sorted runs, with repeated, spread and lopsided values", () => {
    let x = 12345;
    const next = () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648);
    const cases = [
      Float64Array.from({ length: 10_000 }, () => next() % 1e9),
      Float64Array.from({ length: 10_000 }, () => next() % 7),
      Float64Array.from({ length: 10_000 }, (_, i) => (i % 100 === 0 ? 9e15 : next() % 1000)),
      Float64Array.from({ length: 601 }, () => next() % 1e6),
      Float64Array.from({ length: 3 }, () => 42),
      Float64Array.from([5, 1]),
    ];
    for (const values of cases) {
      const sorted = values.slice().sort();
      expect(percentilesOf(values.slice())).toEqual({
        p10: percentileOf(sorted, 10),
        p50: percentileOf(sorted, 50),
        p90: percentileOf(sorted, 90),
      });
    }
  });
});
