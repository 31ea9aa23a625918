import { describe, expect, it } from "vitest";
import { MAX_WEBHOOK_ATTEMPTS, nextWebhookAttemptAt } from "./retry-policy";

const now = new Date("2030-01-01T00:00:00Z");
const after = (attempts: number) => (nextWebhookAttemptAt(attempts, now)?.getTime() ?? NaN) - now.getTime();

describe("nextWebhookAttemptAt", () => {
  it("backs off: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(after)).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
  });

  it("gives up after the last try", () => {
    expect(MAX_WEBHOOK_ATTEMPTS).toBe(8);
    expect(nextWebhookAttemptAt(MAX_WEBHOOK_ATTEMPTS, now)).toBeNull();
  });
});
