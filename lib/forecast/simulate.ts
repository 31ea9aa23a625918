import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { binRuns, drawKernel, type GeneratorState } from "./draw-kernel";
import { MAX_CHUNK, patternTable } from "./pattern-table";

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

const QUANTILES = [10, 50, 90] as const;

/**
 * The nearest-rank p10, p50 and p90 of `runs` (as `percentileOf` of the sorted runs), without sorting them: one pass
 * bins the runs by value (the bin grows with the value, so the k-th smallest lies in the bin where the counts reach
 * k), a second gathers the runs of the bins holding the three ranks, and only those are sorted. The passes run in
 * the WebAssembly module (draw.wat); the runs of a simulation are already there.
 */
export function percentilesOf(runs: Float64Array): Percentiles {
  const n = runs.length;
  const { spread, counts, gather } = binRuns(runs);
  if (spread === 0) return { p10: runs[0]!, p50: runs[0]!, p90: runs[0]! };
  // each rank's bin and its rank within it; each wanted bin gets a slot in the gathered runs, bin after bin
  const wanted = QUANTILES.map((q) => {
    let rank = Math.max(0, Math.ceil((q * n) / 100) - 1);
    let bin = 0;
    while (rank >= counts[bin]!) rank -= counts[bin++]!;
    return { bin, rank, start: 0 };
  });
  const slotEnds = new Int32Array(counts.length);
  let size = 0;
  for (const w of wanted) {
    if (slotEnds[w.bin] === 0) {
      w.start = size;
      size += counts[w.bin]!;
      slotEnds[w.bin] = size;
    } else w.start = slotEnds[w.bin]! - counts[w.bin]!;
  }
  const chosen = gather(slotEnds, size);
  const [p10, p50, p90] = wanted.map(({ bin, rank, start }) => chosen.subarray(start, start + counts[bin]!).sort()[rank]!);
  return { p10: p10!, p50: p50!, p90: p90! };
}

/**
 * `runs` runs from `seed` (32-bit): in each, every deal is won with its chance, independently. Answers the p10, p50
 * and p90 of each bucket's won value (already won + deals won in the run) and of each period's (its buckets' sum
 * within the same run).
 *
 * Deals of one bucket and one chance are taken in chunks of up to MAX_CHUNK (in input order); each run draws which
 * deals of a chunk are won with ONE 32-bit draw from the chunk's pattern table (pattern-table.ts) and adds that
 * pattern's precomputed sum. Sure deals (chance 1) are added to what is won, impossible ones (0) left out. Buckets,
 * chunks and runs are drawn in order: the same input and seed give the same numbers.
 */
export function simulateWon(
  input: { buckets: SimBucket[]; periods: number; deals: SimDeal[] },
  seed: number,
  runs: number = RUNS,
): { buckets: Percentiles[]; periods: Percentiles[] } {
  const kernel = drawKernel(runs);
  kernel.start(xoroshiro128plus(seed).getState() as GeneratorState);
  const byBucket = input.buckets.map(() => new Map<number, number[]>());
  for (const deal of input.deals) {
    const groups = byBucket[deal.bucket]!;
    const group = groups.get(deal.threshold);
    if (group) group.push(deal.cents);
    else groups.set(deal.threshold, [deal.cents]);
  }
  const periodRuns = Array.from({ length: input.periods }, () => new Float64Array(runs));
  // one bucket's runs at a time (added to its period's, then read for its percentiles)
  const won = kernel.won;
  const bucketResults = input.buckets.map((bucket, b) => {
    let sure = bucket.wonCents;
    let ceiling = bucket.wonCents;
    for (const [threshold, cents] of byBucket[b]!) {
      const total = cents.reduce((sum, c) => sum + c, 0);
      ceiling += total;
      if (threshold >= TWO_POW_32) sure += total;
    }
    if (!Number.isSafeInteger(ceiling)) throw new RangeError("Forecast amounts exceed the simulation's exact range.");
    won.fill(sure);
    for (const [threshold, cents] of byBucket[b]!) {
      if (threshold <= 0 || threshold >= TWO_POW_32) continue;
      for (let from = 0; from < cents.length; from += MAX_CHUNK) {
        const size = Math.min(MAX_CHUNK, cents.length - from);
        const table = patternTable(size, threshold);
        for (let i = 0; i < size; i++) kernel.cents[i] = cents[from + i]!;
        kernel.aliases.set(table.aliases);
        kernel.thresholds.set(table.thresholds);
        kernel.draw(size);
      }
    }
    const totals = periodRuns[bucket.period]!;
    for (let run = 0; run < runs; run++) totals[run] = totals[run]! + won[run]!;
    return percentilesOf(won);
  });
  return { buckets: bucketResults, periods: periodRuns.map(percentilesOf) };
}

/** The expected won value of deals (cents), for tests and docs: Σ cents × chance. */
export function expectedWon(deals: SimDeal[], wonCents = 0): number {
  return deals.reduce((sum, deal) => sum + (deal.cents * deal.threshold) / TWO_POW_32, wonCents);
}
