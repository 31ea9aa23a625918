import { seedOf } from "./seed";
import { RUNS, simulateWon, type Percentiles, type SimBucket, type SimDeal } from "./simulate";
import type { StageWinRate } from "./win-rates";

/** Open deals of one period and rep in one stage, values in cents. */
export type RangeGroup = { bucket: number; stage: string; cents: number[] };

export type RangeResult = { seed: string; buckets: Percentiles[]; periods: Percentiles[] };

/** The same inputs give the same result: kept for the last few inputs (the key is their full hash). */
const recent = new Map<string, RangeResult>();
const RECENT_MAX = 32;

/** Forgets the kept results (the benchmark's cold timings). */
export function forgetSimulations(): void {
  recent.clear();
}

/**
 * The simulated range of won value per bucket and period: each open deal is won with its stage's chance, the seed
 * is the hash of every input (see seed.ts), and a result already computed for the same inputs is reused.
 */
export function simulatedRange(input: { periods: number; buckets: SimBucket[]; groups: RangeGroup[]; rates: StageWinRate[] }): RangeResult {
  const threshold = new Map(input.rates.map((rate) => [rate.stage as string, rate.threshold]));
  const { seed, hex, digest } = seedOf({
    runs: RUNS,
    periods: input.periods,
    buckets: input.buckets.map((b) => [b.period, b.wonCents]),
    groups: input.groups.map((g) => [g.bucket, threshold.get(g.stage) ?? 0, g.cents]),
  });
  const known = recent.get(digest);
  if (known) return known;
  const deals: SimDeal[] = input.groups.flatMap((group) =>
    group.cents.map((cents) => ({ bucket: group.bucket, cents, threshold: threshold.get(group.stage) ?? 0 })),
  );
  const result = { seed: hex, ...simulateWon({ buckets: input.buckets, periods: input.periods, deals }, seed) };
  recent.set(digest, result);
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  return result;
}
