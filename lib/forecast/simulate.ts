import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * The Monte Carlo of won value. Money is integer minor units (cents) in JS numbers — whole numbers, added exactly
 * while below 2^53 (checked) — and a chance is an integer threshold out of 2^32, compared with the generator's
 * uniform 32-bit integers: no floating point touches money or chance.
 */

export const RUNS = 10_000;
export const TWO_POW_32 = 2 ** 32;

/** An open deal: which bucket (a period and rep) it falls in, its value in cents and its chance out of 2^32. */
export type SimDeal = { bucket: number; cents: number; threshold: number };

/** A bucket: its period, and what is already won in it (cents). */
export type SimBucket = { period: number; wonCents: number };

export type Percentiles = { p10: number; p50: number; p90: number };

/** Chance `numerator / denominator` as a threshold out of 2^32 (floor, exact integer arithmetic). */
export function chanceThreshold(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) return 0;
  return Number((numerator * BigInt(TWO_POW_32)) / denominator);
}

/** The nearest-rank percentile of sorted runs: the ⌈q × n⌉-th smallest. */
export function percentileOf(sorted: Float64Array, q: number): number {
  return sorted[Math.max(0, Math.ceil((q * sorted.length) / 100) - 1)]!;
}

const percentiles = (runs: Float64Array): Percentiles => {
  runs.sort();
  return { p10: percentileOf(runs, 10), p50: percentileOf(runs, 50), p90: percentileOf(runs, 90) };
};

/**
 * `runs` runs from `seed` (32-bit): in each, every deal is won with its chance, independently. Answers the p10, p50
 * and p90 of each bucket's won value (already won + deals won in the run) and of each period's (its buckets' sum
 * within the same run). Buckets are drawn in order, runs in order, deals in order: the same input and seed give the
 * same numbers.
 */
export function simulateWon(
  input: { buckets: SimBucket[]; periods: number; deals: SimDeal[] },
  seed: number,
  runs: number = RUNS,
): { buckets: Percentiles[]; periods: Percentiles[] } {
  const rng = xoroshiro128plus(seed);
  const byBucket = input.buckets.map(() => ({ cents: [] as number[], thresholds: [] as number[] }));
  for (const deal of input.deals) {
    byBucket[deal.bucket]!.cents.push(deal.cents);
    byBucket[deal.bucket]!.thresholds.push(deal.threshold);
  }
  const periodRuns = Array.from({ length: input.periods }, () => new Float64Array(runs));
  const bucketResults = input.buckets.map((bucket, b) => {
    const cents = Float64Array.from(byBucket[b]!.cents);
    const thresholds = Float64Array.from(byBucket[b]!.thresholds);
    const ceiling = cents.reduce((sum, c) => sum + c, bucket.wonCents);
    if (!Number.isSafeInteger(ceiling)) throw new RangeError("Forecast amounts exceed the simulation's exact range.");
    const totals = periodRuns[bucket.period]!;
    const results = new Float64Array(runs);
    const n = cents.length;
    for (let run = 0; run < runs; run++) {
      let won = bucket.wonCents;
      for (let i = 0; i < n; i++) if (rng.next() + 0x8000_0000 < thresholds[i]!) won += cents[i]!;
      results[run] = won;
      totals[run] = totals[run]! + won;
    }
    return percentiles(results);
  });
  return { buckets: bucketResults, periods: periodRuns.map(percentiles) };
}

/** The expected won value of deals (cents), for tests and docs: Σ cents × chance. */
export function expectedWon(deals: SimDeal[], wonCents = 0): number {
  return deals.reduce((sum, deal) => sum + (deal.cents * deal.threshold) / TWO_POW_32, wonCents);
}
