/** When a failed push is tried again: after 30 s, 5 min, 30 min and 2 h; a push later than that is stale. */
const DELAYS_MS = [30_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];

/** Tries per push, the first included. */
export const MAX_PUSH_ATTEMPTS = DELAYS_MS.length + 1;

/** How long a worker holds the pushes it claimed before another may take them (longer than a send's timeout). */
export const PUSH_LEASE_MS = 2 * 60_000;

/** How long a push service keeps a message for a browser that is offline (seconds): a day. */
export const PUSH_TTL_SECONDS = 24 * 3_600;

/** When to try again after the `attempts`-th try failed; null once `MAX_PUSH_ATTEMPTS` tries were made. */
export function nextPushAttemptAt(attempts: number, now: Date): Date | null {
  const delay = DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}
