/**
 * When a delivery is tried again: the schedule the Standard Webhooks spec suggests (at once, then after 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h and 10 h) — about a day, so a receiver's maintenance window does not lose events. (The
 * email policy, 5 tries within 15 minutes, is too short for that; the lease works the same way.)
 */
const DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000];

/** Tries per delivery, the first included. */
export const MAX_WEBHOOK_ATTEMPTS = DELAYS_MS.length + 1;

/** Failed tries in a row (over all its deliveries) after which an endpoint is turned off. */
export const DISABLE_AFTER_FAILURES = 20;

/** How long a worker holds the deliveries it claimed before another may take them (longer than a try's timeout). */
export const DELIVERY_LEASE_MS = 5 * 60_000;

/** When to try again after the `attempts`-th try failed; null once `MAX_WEBHOOK_ATTEMPTS` tries were made. */
export function nextWebhookAttemptAt(attempts: number, now: Date): Date | null {
  const delay = DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}
