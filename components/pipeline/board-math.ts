/**
 * Exact money arithmetic for the board's optimistic updates: decimal strings with two places become integer
 * cents (BigInt), never floats. Values are non-negative, as the API guarantees.
 */

function toCents(amount: string): bigint {
  const [whole = "0", fraction = ""] = amount.split(".");
  return BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2));
}

function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

export function addMoney(a: string, b: string): string {
  return fromCents(toCents(a) + toCents(b));
}

export function subtractMoney(a: string, b: string): string {
  return fromCents(toCents(a) - toCents(b));
}

/** round_half_up(value × probability / 100, 2), as the server computes a deal's weighted value. */
export function weightedMoney(value: string, probability: string): string {
  const product = toCents(value) * toCents(probability);
  const divisor = 10_000n;
  const quotient = product / divisor;
  return fromCents((product % divisor) * 2n >= divisor ? quotient + 1n : quotient);
}
