import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { drawKernel, type GeneratorState } from "./draw-kernel";
import { MAX_CHUNK, patternTable, type PatternTable } from "./pattern-table";

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

const BINS = 1024;
const QUANTILES = [10, 50, 90] as const;

/**
 * The nearest-rank p10, p50 and p90 of `runs` (as `percentileOf` of the sorted runs), without sorting them: one pass
 * bins the runs by value (the bin grows with the value, so the k-th smallest lies in the bin where the counts reach
 * k), then a second gathers the runs of the bins holding the three ranks, and only those are sorted.
 */
export function percentilesOf(runs: Float64Array): Percentiles {
  const n = runs.length;
  let min = runs[0]!;
  let max = runs[0]!;
  for (let i = 1; i < n; i++) {
    const v = runs[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return { p10: min, p50: min, p90: min };
  const scale = (BINS - 1) / (max - min);
  const counts = new Int32Array(BINS);
  const binOfRun = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const bin = Math.floor((runs[i]! - min) * scale);
    binOfRun[i] = bin;
    counts[bin]!++;
  }
  // each rank's bin and its rank within it; the wanted bins' runs are gathered in `chosen`, bin after bin, each
  // run put at its bin's fill mark (`slotOfBin`: its slot's end, moved down as it fills; 0: a bin not wanted)
  const slotOfBin = new Int32Array(BINS);
  const wanted = QUANTILES.map((q) => {
    let rank = Math.max(0, Math.ceil((q * n) / 100) - 1);
    let bin = 0;
    while (rank >= counts[bin]!) rank -= counts[bin++]!;
    return { bin, rank, start: 0 };
  });
  let size = 0;
  for (const w of wanted) {
    if (slotOfBin[w.bin] === 0) {
      w.start = size;
      size += counts[w.bin]!;
      slotOfBin[w.bin] = size;
    } else w.start = slotOfBin[w.bin]! - counts[w.bin]!;
  }
  const chosen = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    const bin = binOfRun[i]!;
    const end = slotOfBin[bin]!;
    if (end !== 0) chosen[(slotOfBin[bin] = end - 1)] = runs[i]!;
  }
  const [p10, p50, p90] = wanted.map(({ bin, rank, start }) => chosen.subarray(start, start + counts[bin]!).sort()[rank]!);
  return { p10: p10!, p50: p50!, p90: p90! };
}

/** Every subset sum of `cents[from, from + size)`: entry `mask` = the values of the deals whose bits are set. */
function subsetSums(cents: number[], from: number, size: number, into: Float64Array): void {
  into[0] = 0;
  for (let mask = 1; mask < 1 << size; mask++) {
    const low = mask & -mask;
    into[mask] = into[mask ^ low]! + cents[from + 31 - Math.clz32(low)]!;
  }
}

/** The sums a chunk's draws pick from (draw.wat): per column, its alias's pattern sum, then its own. */
function pickSums(table: PatternTable, sums: Float64Array, into: Float64Array): void {
  for (let col = 0; col < 1 << table.size; col++) {
    into[col << 1] = sums[table.aliases[col]!]!;
    into[(col << 1) | 1] = sums[col]!;
  }
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
  const sums = new Float64Array(1 << MAX_CHUNK);
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
        subsetSums(cents, from, size, sums);
        pickSums(table, sums, kernel.picks);
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
