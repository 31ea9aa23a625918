/** After this many attempts a notification email is no longer retried automatically. */
export const MAX_EMAIL_ATTEMPTS = 5;

const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 60 * 60_000;

/** How long a retry runner holds the emails it claimed before another runner may take them. */
export const RETRY_LEASE_MS = 10 * 60_000;

/**
 * When to try again after the `attempts`-th attempt failed: 1 min × 2^(attempts − 1) (1, 2, 4, 8 min …, at
 * most 1 h); null once `MAX_EMAIL_ATTEMPTS` attempts were made.
 */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_EMAIL_ATTEMPTS) return null;
  const delay = Math.min(BASE_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_MS);
  return new Date(now.getTime() + delay);
}
