import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
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

/**
 * The nearest-rank p10, p50 and p90 of `runs` (as `percentileOf` of the sorted runs), without sorting them: one pass
 * bins the runs by value (the bin grows with the value, so the k-th smallest lies in the bin where the counts reach
 * k), then only the runs of the bins holding the three ranks are sorted.
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
  for (let i = 0; i < n; i++) counts[Math.floor((runs[i]! - min) * scale)]!++;
  const at = (q: number): number => {
    let rank = Math.max(0, Math.ceil((q * n) / 100) - 1);
    let bin = 0;
    while (rank >= counts[bin]!) rank -= counts[bin++]!;
    const inBin = new Float64Array(counts[bin]!);
    let filled = 0;
    for (let i = 0; i < n; i++) if (Math.floor((runs[i]! - min) * scale) === bin) inBin[filled++] = runs[i]!;
    return inBin.sort()[rank]!;
  };
  return { p10: at(10), p50: at(50), p90: at(90) };
}

/** Every subset sum of `cents[from, from + size)`: entry `mask` = the values of the deals whose bits are set. */
function subsetSums(cents: number[], from: number, size: number, into: Float64Array): void {
  into[0] = 0;
  for (let mask = 1; mask < 1 << size; mask++) {
    const low = mask & -mask;
    into[mask] = into[mask ^ low]! + cents[from + 31 - Math.clz32(low)]!;
  }
}

/** The generator's state, stepped here in local variables (xoroshiro128+ exactly as pure-rand's `next()`). */
type GeneratorState = [s01: number, s00: number, s11: number, s10: number];

/**
 * Adds to `won[run]`, for every run, what a chunk of `size` deals of one chance wins in it: one draw per run, from
 * and back into `state`. `picks[2 × column + 1]` is the sum of the column's own pattern, `picks[2 × column]` its
 * alias's: the high bits below the column's threshold pick the first (branch-free: the sign bit of their difference).
 */
function drawChunk(state: GeneratorState, size: number, thresholds: Uint32Array, picks: Float64Array, won: Float64Array): void {
  const column = (1 << size) - 1;
  let [s01, s00, s11, s10] = state;
  for (let run = 0; run < won.length; run++) {
    const u = (s00 + s10) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const old00 = s00;
    s00 = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (s01 << 24) ^ (old00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    const col = u & column;
    won[run] = won[run]! + picks[(col << 1) | (((u >>> size) - thresholds[col]!) >>> 31)]!;
  }
  state[0] = s01;
  state[1] = s00;
  state[2] = s11;
  state[3] = s10;
}

/** The sums `drawChunk` picks from: per column, its alias's pattern sum, then its own. */
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
  const state = xoroshiro128plus(seed).getState() as GeneratorState;
  const byBucket = input.buckets.map(() => new Map<number, number[]>());
  for (const deal of input.deals) {
    const groups = byBucket[deal.bucket]!;
    const group = groups.get(deal.threshold);
    if (group) group.push(deal.cents);
    else groups.set(deal.threshold, [deal.cents]);
  }
  const sums = new Float64Array(1 << MAX_CHUNK);
  const picks = new Float64Array(2 << MAX_CHUNK);
  const periodRuns = Array.from({ length: input.periods }, () => new Float64Array(runs));
  // one bucket's runs at a time (added to its period's, then read for its percentiles)
  const won = new Float64Array(runs);
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
        pickSums(table, sums, picks);
        drawChunk(state, size, table.thresholds, picks, won);
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
