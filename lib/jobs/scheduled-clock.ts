import { fixedClock, systemClock, type Clock } from "@/lib/clock";

/**
 * A cron run works as of the instant it was scheduled for (the timer event's `ts`), so a delayed start or a
 * retried step still checks the right day; without a timestamp, as of now.
 */
export function scheduledClock(event: { ts?: number }): Clock {
  return typeof event.ts === "number" && Number.isFinite(event.ts) ? fixedClock(new Date(event.ts)) : systemClock;
}
