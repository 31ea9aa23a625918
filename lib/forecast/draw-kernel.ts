import { DRAW_MODULE_BASE64 } from "./draw-module";
import { MAX_CHUNK } from "./pattern-table";

/** xoroshiro128+'s state in pure-rand's words: [s01, s00, s11, s10] (s0's high and low half, then s1's). */
export type GeneratorState = [s01: number, s00: number, s11: number, s10: number];

/**
 * The simulation's draw loop (draw.wat), on views of the module's memory: fill `thresholds` and `picks` with a
 * chunk's table, then `draw(size)` adds to `won[run]`, for every run, the sum of the pattern drawn in it and steps the
 * generator (its state stays in the module between chunks; `start` sets it). One module per process: a simulation
 * runs to its end without yielding, so none shares it with another.
 */
export type DrawKernel = {
  thresholds: Uint32Array;
  picks: Float64Array;
  won: Float64Array;
  start(state: GeneratorState): void;
  draw(size: number): void;
};

const STATE = 0;
const THRESHOLDS = 16;
const PICKS = THRESHOLDS + 4 * (1 << MAX_CHUNK);
const WON = PICKS + 8 * (2 << MAX_CHUNK);
const PAGE = 65_536;

type Exports = { memory: WebAssembly.Memory; draw: (size: number, runs: number) => void };
let loaded: Exports | undefined;

export function drawKernel(runs: number): DrawKernel {
  loaded ??= new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(DRAW_MODULE_BASE64, "base64"))).exports as Exports;
  const { memory, draw } = loaded;
  const missing = WON + 8 * runs - memory.buffer.byteLength;
  if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
  const words = new Int32Array(memory.buffer, STATE, 4);
  return {
    thresholds: new Uint32Array(memory.buffer, THRESHOLDS, 1 << MAX_CHUNK),
    picks: new Float64Array(memory.buffer, PICKS, 2 << MAX_CHUNK),
    won: new Float64Array(memory.buffer, WON, runs),
    start: ([s01, s00, s11, s10]) => words.set([s00, s01, s10, s11]),
    draw: (size) => draw(size, runs),
  };
}
