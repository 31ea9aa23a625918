import { describe, expect, it } from "vitest";
import { MAX_PUSH_ATTEMPTS, nextPushAttemptAt } from "./retry-policy";

describe("push retries", () => {
  const now = new Date("2026-12-07T10:00:00Z");

  it("backs off after each failed try", () => {
    expect(nextPushAttemptAt(1, now)?.toISOString()).toBe("2026-12-07T10:00:30.000Z");
    expect(nextPushAttemptAt(2, now)?.toISOString()).toBe("2026-12-07T10:05:00.000Z");
    expect(nextPushAttemptAt(3, now)?.toISOString()).toBe("2026-12-07T10:30:00.000Z");
    expect(nextPushAttemptAt(4, now)?.toISOString()).toBe("2026-12-07T12:00:00.000Z");
  });

  it("gives up after the last try", () => {
    expect(MAX_PUSH_ATTEMPTS).toBe(5);
    expect(nextPushAttemptAt(MAX_PUSH_ATTEMPTS, now)).toBeNull();
  });
});
