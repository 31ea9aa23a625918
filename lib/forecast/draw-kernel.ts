import { DRAW_MODULE_BASE64 } from "./draw-module";
import { MAX_CHUNK } from "./pattern-table";

/** xoroshiro128+'s state in pure-rand's words: [s01, s00, s11, s10] (s0's high and low half, then s1's). */
export type GeneratorState = [s01: number, s00: number, s11: number, s10: number];

/**
 * The simulation's inner loop (draw.wat), on views of the module's memory: put a chunk's deal values in `cents` and
 * its pattern table in `aliases` and `thresholds`, then `draw(size)` adds to `won[run]`, for every run, the sum of
 * the pattern drawn in it, stepping the generator (its state stays in the module between chunks; `start` sets it).
 * One module per process: a simulation runs to its end without yielding, so none shares it with another.
 */
export type DrawKernel = {
  cents: Float64Array;
  aliases: Uint16Array;
  thresholds: Uint32Array;
  won: Float64Array;
  start(state: GeneratorState): void;
  draw(size: number): void;
};

/** The offsets of draw.wat's memory; the percentiles' scratch follows the runs. */
const CENTS = 16;
const ALIASES = 96;
const THRESHOLDS = 2144;
const WON = 30_816;
const PAGE = 65_536;
const BINS = 1024;

type Exports = {
  memory: WebAssembly.Memory;
  draw: (size: number, runs: number) => void;
  histogram: (at: number, n: number, bins: number, counts: number) => number;
  gather: (at: number, n: number, bins: number, slots: number, chosen: number) => void;
};
let loaded: Exports | undefined;

/** The module, with memory for `runs` runs and the percentiles' scratch of as many (grown, never while in use). */
function module(runs: number): Exports {
  loaded ??= new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(DRAW_MODULE_BASE64, "base64"))).exports as Exports;
  const missing = scratchOf(runs).end - loaded.memory.buffer.byteLength;
  if (missing > 0) loaded.memory.grow(Math.ceil(missing / PAGE));
  return loaded;
}

/** Where percentilesOf's passes keep `n` runs (a copy, unless they are the won runs), their bins and the bins' counts, slots and gathered runs. */
function scratchOf(n: number) {
  const copy = WON + 8 * n;
  const chosen = copy + 8 * n;
  const counts = chosen + 8 * n;
  const slots = counts + 4 * BINS;
  const bins = slots + 4 * BINS;
  return { copy, chosen, counts, slots, bins, end: bins + 2 * n };
}

export function drawKernel(runs: number): DrawKernel {
  const { memory, draw } = module(runs);
  const words = new Int32Array(memory.buffer, 0, 4);
  return {
    cents: new Float64Array(memory.buffer, CENTS, MAX_CHUNK),
    aliases: new Uint16Array(memory.buffer, ALIASES, 1 << MAX_CHUNK),
    thresholds: new Uint32Array(memory.buffer, THRESHOLDS, 1 << MAX_CHUNK),
    won: new Float64Array(memory.buffer, WON, runs),
    start: ([s01, s00, s11, s10]) => words.set([s00, s01, s10, s11]),
    draw: (size) => draw(size, runs),
  };
}

/**
 * The first pass of percentilesOf, in the module: `runs`' spread (max − min), and when it is not 0, their counts per
 * bin (1024 bins growing with the value). `gather(slots)` then collects the runs of the bins with a slot (`slots[bin]`:
 * the slot's end in the answer, 0 for a bin not wanted), each bin's runs in its slot.
 */
export function binRuns(runs: Float64Array): { spread: number; counts: Int32Array; gather(slots: Int32Array, size: number): Float64Array } {
  const n = runs.length;
  const { memory, histogram, gather } = module(n);
  const scratch = scratchOf(n);
  const inModule = runs.buffer === memory.buffer && runs.byteOffset === WON;
  if (!inModule) new Float64Array(memory.buffer, scratch.copy, n).set(runs);
  const at = inModule ? WON : scratch.copy;
  const spread = histogram(at, n, scratch.bins, scratch.counts);
  return {
    spread,
    counts: new Int32Array(memory.buffer, scratch.counts, BINS),
    gather: (slots, size) => {
      new Int32Array(memory.buffer, scratch.slots, BINS).set(slots);
      gather(at, n, scratch.bins, scratch.slots, scratch.chosen);
      return new Float64Array(memory.buffer, scratch.chosen, size);
    },
  };
}
