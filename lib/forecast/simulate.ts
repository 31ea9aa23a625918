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

/**
 * Puts the k-th smallest (0-based) of `values[left..right]` at index k, the smaller ones before it and the larger
 * after (Floyd–Rivest selection: a sample narrows the range first, so about 1.5 n comparisons instead of a sort).
 */
export function selectKth(values: Float64Array, k: number, left: number, right: number): number {
  const swap = (i: number, j: number) => {
    const held = values[i]!;
    values[i] = values[j]!;
    values[j] = held;
  };
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      selectKth(values, k, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)));
    }
    const pivot = values[k]!;
    let i = left;
    let j = right;
    swap(left, k);
    if (values[right]! > pivot) swap(left, right);
    while (i < j) {
      swap(i, j);
      i++;
      j--;
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
    }
    if (values[left] === pivot) swap(left, j);
    else {
      j++;
      swap(j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
  return values[k]!;
}

/** Nearest-rank p10, p50, p90 (as `percentileOf` of the sorted runs), by selection; reorders `runs`. */
function percentiles(runs: Float64Array): Percentiles {
  const n = runs.length;
  const rank = (q: number) => Math.max(0, Math.ceil((q * n) / 100) - 1);
  const r50 = rank(50);
  const p50 = selectKth(runs, r50, 0, n - 1);
  const p10 = selectKth(runs, rank(10), 0, Math.max(0, r50 - 1));
  const p90 = selectKth(runs, rank(90), Math.min(n - 1, r50 + 1), n - 1);
  return { p10, p50, p90 };
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
  const bucketResults = input.buckets.map((bucket, b) => {
    let sure = bucket.wonCents;
    let ceiling = bucket.wonCents;
    for (const [threshold, cents] of byBucket[b]!) {
      const total = cents.reduce((sum, c) => sum + c, 0);
      ceiling += total;
      if (threshold >= TWO_POW_32) sure += total;
    }
    if (!Number.isSafeInteger(ceiling)) throw new RangeError("Forecast amounts exceed the simulation's exact range.");
    const won = new Float64Array(runs).fill(sure);
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
    return percentiles(won);
  });
  return { buckets: bucketResults, periods: periodRuns.map(percentiles) };
}

/** The expected won value of deals (cents), for tests and docs: Σ cents × chance. */
export function expectedWon(deals: SimDeal[], wonCents = 0): number {
  return deals.reduce((sum, deal) => sum + (deal.cents * deal.threshold) / TWO_POW_32, wonCents);
}
