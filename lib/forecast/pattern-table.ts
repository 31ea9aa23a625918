/**
 * Which deals of a chunk of `size` deals, each won independently with chance `threshold / 2^32`, are won together: a
 * "pattern" is a bit mask over the chunk (bit i = deal i won). Its exact probability is
 * t^k × (2^32 − t)^(size − k) / 2^(32 × size) with k its won deals; here each pattern gets that probability in whole
 * units of 2^-32 (floored exactly with BigInt, the remainder handed out one unit each to the largest fractions), so
 * no pattern is off by 2^-32 or more. The alias table (Walker/Vose, in integers) then draws a pattern from ONE
 * uniform 32-bit integer u: column = the low `size` bits, kept when the high 32 − size bits are below the column's
 * threshold, else its alias.
 */
export type PatternTable = { size: number; thresholds: Uint32Array; aliases: Uint16Array };

/** The largest chunk: 2^10 patterns (a 8 KiB sum table, kept in L1 while its runs are drawn). */
export const MAX_CHUNK = 10;

const TWO_POW_32 = 1n << 32n;

function patternWeights(size: number, threshold: number): number[] {
  const t = BigInt(threshold);
  const shift = 32n * BigInt(size - 1);
  const byWon = Array.from({ length: size + 1 }, (_, k) => t ** BigInt(k) * (TWO_POW_32 - t) ** BigInt(size - k));
  const floors = byWon.map((w) => Number(w >> shift));
  const fractions = byWon.map((w) => w & ((1n << shift) - 1n));
  const count = 1 << size;
  const won = (mask: number) => {
    let k = 0;
    for (let m = mask; m; m &= m - 1) k++;
    return k;
  };
  const weights = Array.from({ length: count }, (_, mask) => floors[won(mask)]!);
  let remainder = 2 ** 32 - weights.reduce((sum, w) => sum + w, 0);
  const order = Array.from({ length: count }, (_, mask) => mask).sort((a, b) => {
    const fa = fractions[won(a)]!;
    const fb = fractions[won(b)]!;
    return fa === fb ? a - b : fa > fb ? -1 : 1;
  });
  for (let i = 0; remainder > 0; i++, remainder--) weights[order[i]!]!++;
  return weights;
}

function aliasTable(size: number, weights: number[]): PatternTable {
  const count = 1 << size;
  const capacity = 2 ** (32 - size);
  const thresholds = new Uint32Array(count);
  const aliases = new Uint16Array(count);
  const left = weights.slice();
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < count; i++) (left[i]! < capacity ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large[large.length - 1]!;
    thresholds[s] = left[s]!;
    aliases[s] = l;
    left[l] = left[l]! - (capacity - left[s]!);
    if (left[l]! < capacity) small.push(large.pop()!);
  }
  for (const i of [...small, ...large]) {
    // What is left is exactly full (integer weights summing to count × capacity): the column is its own pattern.
    thresholds[i] = capacity;
    aliases[i] = i;
  }
  return { size, thresholds, aliases };
}

const tables = new Map<string, PatternTable>();

/** The (cached) pattern table of `size` deals of one chance: few distinct ones exist (a chance per stage). */
export function patternTable(size: number, threshold: number): PatternTable {
  const key = `${size}/${threshold}`;
  let table = tables.get(key);
  if (!table) {
    table = aliasTable(size, patternWeights(size, threshold));
    tables.set(key, table);
    if (tables.size > 4096) tables.delete(tables.keys().next().value!);
  }
  return table;
}
