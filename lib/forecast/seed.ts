import { createHash } from "node:crypto";

/**
 * The simulation's seed from its inputs: the first 32 bits of the SHA-256 of their canonical JSON. The same data
 * (deals, values, chances, what is won, runs) always gives the same seed, so the same numbers.
 */
export function seedOf(inputs: unknown): { seed: number; hex: string; digest: string } {
  const digest = createHash("sha256").update(JSON.stringify(inputs)).digest("hex");
  const hex = digest.slice(0, 8);
  return { seed: Number.parseInt(hex, 16) | 0, hex, digest };
}
