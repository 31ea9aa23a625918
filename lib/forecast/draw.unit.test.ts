import { readFileSync } from "node:fs";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import wabt from "wabt";
import { drawKernel, type GeneratorState } from "./draw-kernel";
import { DRAW_MODULE_BASE64 } from "./draw-module";

/**
 * What one chunk's draws add per run, written plainly: pure-rand's `next()`, the alias rule of pattern-table.ts, and
 * a pattern's value as the sum of its deals' (bit i set = deal i won).
 */
function expectedDraws(
  generator: { next(): number },
  cents: number[],
  aliases: Uint16Array,
  thresholds: Uint32Array,
  runs: number,
): number[] {
  const size = cents.length;
  const valueOf = (pattern: number) => cents.reduce((sum, value, i) => (pattern & (1 << i) ? sum + value : sum), 0);
  return Array.from({ length: runs }, () => {
    const u = generator.next() >>> 0;
    const column = u & ((1 << size) - 1);
    return valueOf(u >>> size < thresholds[column]! ? column : aliases[column]!);
  });
}

describe("the draw loop in WebAssembly", () => {
  it("is draw.wat as it stands (run `npm run forecast:wasm` after editing it)", async () => {
    const parsed = (await wabt()).parseWat("draw.wat", readFileSync(new URL("./draw.wat", import.meta.url), "utf8"));
    const bytes = Buffer.from(parsed.toBinary({}).buffer).toString("base64");
    parsed.destroy();
    expect(bytes).toBe(DRAW_MODULE_BASE64);
  });

  it("draws exactly what pure-rand's generator and the alias rule give, its pattern's value the sum of its deals', chunk after chunk, at any number of runs", () => {
    for (const runs of [1, 101, 10_000, 70_000, 2_000]) {
      const seeded = xoroshiro128plus(runs * 7 + 1);
      const kernel = drawKernel(runs);
      kernel.start(seeded.getState() as GeneratorState);
      kernel.won.fill(5);
      const expected = new Array<number>(runs).fill(5);
      for (const size of [1, 10, 3, 1]) {
        const capacity = 2 ** (32 - size);
        const cents = Array.from({ length: size }, (_, i) => 100 * (i + 1) + runs);
        cents.forEach((value, i) => (kernel.cents[i] = value));
        for (let column = 0; column < 1 << size; column++) {
          // the extremes (never, always its own pattern) and values between; aliases anywhere in the table
          kernel.thresholds[column] = column % 3 === 0 ? 0 : column % 3 === 1 ? capacity : Math.floor(capacity * ((column % 7) / 7));
          kernel.aliases[column] = (column * 37 + 5) % (1 << size);
        }
        const [aliases, thresholds] = [kernel.aliases.slice(0, 1 << size), kernel.thresholds.slice(0, 1 << size)];
        expectedDraws(seeded, cents, aliases, thresholds, runs).forEach((value, run) => (expected[run]! += value));
        kernel.draw(size);
      }
      expect(Array.from(kernel.won)).toEqual(expected);
    }
  });
});
