import { describe, expect, it } from "vitest";
import { patternTable } from "./pattern-table";
import { chanceThreshold } from "./simulate";

/** Each pattern's probability as the alias table draws it, in units of 2^-32. */
function drawnWeights(size: number, threshold: number): number[] {
  const { thresholds, aliases } = patternTable(size, threshold);
  const capacity = 2 ** (32 - size);
  const weights = new Array<number>(1 << size).fill(0);
  for (let col = 0; col < 1 << size; col++) {
    weights[col]! += thresholds[col]!;
    weights[aliases[col]!]! += capacity - thresholds[col]!;
  }
  return weights;
}

const popcount = (mask: number) => mask.toString(2).replaceAll("0", "").length;

describe("patternTable", () => {
  it("draws every pattern with its exact probability to within 2^-32 (and all of them add up to 1)", () => {
    for (const size of [1, 2, 5, 10]) {
      for (const threshold of [chanceThreshold(1n, 10n), chanceThreshold(17n, 23n), chanceThreshold(1n, 2n), 1]) {
        const weights = drawnWeights(size, threshold);
        expect(weights.reduce((sum, w) => sum + w, 0)).toBe(2 ** 32);
        const t = BigInt(threshold);
        weights.forEach((weight, mask) => {
          const k = popcount(mask);
          // exact probability × 2^32 = t^k (2^32 − t)^(size − k) / 2^(32 (size − 1))
          const exact = t ** BigInt(k) * (2n ** 32n - t) ** BigInt(size - k);
          const scaled = BigInt(weight) << (32n * BigInt(size - 1));
          const unit = 1n << (32n * BigInt(size - 1));
          expect(scaled > exact - unit && scaled < exact + unit, `size ${size}, chance ${threshold}, mask ${mask}`).toBe(true);
        });
      }
    }
  });

  it("one deal: the chance itself, exactly", () => {
    const threshold = chanceThreshold(1n, 3n);
    expect(drawnWeights(1, threshold)).toEqual([2 ** 32 - threshold, threshold]);
  });
});
