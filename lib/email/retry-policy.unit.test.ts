import { describe, expect, it } from "vitest";
import { MAX_EMAIL_ATTEMPTS, nextAttemptAt } from "./retry-policy";

const now = new Date("2026-03-02T09:00:00.000Z");
const minutesLater = (attempts: number) => {
  const next = nextAttemptAt(attempts, now);
  return next ? (next.getTime() - now.getTime()) / 60_000 : null;
};

describe("email retry backoff", () => {
  it("doubles from one minute after each failed attempt", () => {
    expect([1, 2, 3, 4].map(minutesLater)).toEqual([1, 2, 4, 8]);
  });

  it("gives up after the last attempt", () => {
    expect(MAX_EMAIL_ATTEMPTS).toBe(5);
    expect(nextAttemptAt(MAX_EMAIL_ATTEMPTS, now)).toBeNull();
    expect(nextAttemptAt(MAX_EMAIL_ATTEMPTS + 3, now)).toBeNull();
  });
});
