/**
 * Sign-in limits, designed so that they can neither be dodged nor turned against a user:
 *
 * - Who is asking is the client's address as the server edge determined it (the socket's peer, or what a
 *   declared trusted proxy reports), never a header the client controls; IPv6 counts per /64.
 * - Per address + account, failed sign-ins slow that pair down: 5 free, then a wait that doubles with each
 *   failure (1 s, 2 s, 4 s … capped at 15 min) and resets after an hour of quiet or a correct password.
 * - Per address, failed sign-ins across all accounts are capped (50 per 15 min), so one client cannot spread
 *   its guesses over many accounts.
 * - No per-account lockout: failures from other addresses never refuse anyone. A correct password from a
 *   client with no failures of its own always gets in, so an attacker cannot lock the owner out. What guessing
 *   from many addresses still gets is bounded per address by the two limits above.
 *
 * Every attempt is counted before its password is checked (so a parallel burst is counted exactly); a correct
 * password gives the count back. The buckets live in PostgreSQL, shared by every instance.
 */
import { systemClock, type Clock } from "@/lib/clock";
import { TooManyRequestsError } from "@/lib/errors";
import { loginAddressKey, loginPairKey, registerAddressKey } from "./keys";
import { clearThrottle, deleteBucketsUntouchedSince, hitBucket, hitThrottle, refundHit, type Bucket, type Throttle } from "./repository";

type Limit = { max: number; windowSeconds: number };

/** Failed sign-ins (API token and login page) per address + account. */
export const LOGIN_PER_ADDRESS_AND_ACCOUNT: Throttle = { freeAttempts: 5, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 60 * 60 };
/** Failed sign-ins per client address, whatever the account. */
export const LOGIN_PER_ADDRESS: Limit = { max: 50, windowSeconds: 15 * 60 };
/** Registration attempts (successful or not) per client address. */
export const REGISTER_PER_ADDRESS: Limit = { max: 10, windowSeconds: 60 * 60 };

function secondsLeft(bucket: Bucket, limit: Limit, now: Date): number {
  const endsAt = bucket.windowStart.getTime() + limit.windowSeconds * 1000;
  return Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
}

/** Counts a hit on a fixed-window bucket; over the limit it throws TooManyRequestsError (the hit stays counted). */
async function hitLimit(key: string, limit: Limit, now: Date): Promise<Bucket> {
  const bucket = await hitBucket(key, limit.windowSeconds, now);
  if (bucket.count > limit.max) throw new TooManyRequestsError(secondsLeft(bucket, limit, now));
  return bucket;
}

/**
 * Runs a sign-in attempt from `ip` under the limits above; `attempt` returns null for wrong credentials.
 * Over a limit it throws TooManyRequestsError (with the seconds to wait) without checking the password.
 */
export async function limitSignIn<T>(
  email: string,
  ip: string,
  attempt: () => Promise<T | null>,
  clock: Clock = systemClock,
): Promise<T | null> {
  const now = clock();
  const address = await hitLimit(loginAddressKey(ip), LOGIN_PER_ADDRESS, now);
  const pairKey = loginPairKey(ip, email);
  const pair = await hitThrottle(pairKey, LOGIN_PER_ADDRESS_AND_ACCOUNT, now);
  if (!pair.counted) {
    // Not a password try: the address is not charged for it.
    await refundHit(address);
    throw new TooManyRequestsError(pair.waitSeconds);
  }
  const result = await attempt();
  if (result !== null) await Promise.all([refundHit(address), clearThrottle(pairKey)]);
  return result;
}

/** Counts a registration attempt from this address; over the limit it throws TooManyRequestsError. */
export async function limitRegistration(ip: string, clock: Clock = systemClock): Promise<void> {
  await hitLimit(registerAddressKey(ip), REGISTER_PER_ADDRESS, clock());
}

/** Longer than any window and than a throttle's memory: a bucket untouched this long no longer limits anyone. */
const LONGEST_MEMORY_SECONDS = Math.max(
  LOGIN_PER_ADDRESS.windowSeconds,
  REGISTER_PER_ADDRESS.windowSeconds,
  LOGIN_PER_ADDRESS_AND_ACCOUNT.forgetAfterSeconds,
);

/**
 * Deletes buckets untouched for longer than any limit remembers. A deleted bucket and an expired one count the
 * same (the next hit starts afresh), so pruning never lets anyone through sooner.
 */
export async function pruneRateLimits(clock: Clock = systemClock): Promise<number> {
  return deleteBucketsUntouchedSince(new Date(clock().getTime() - LONGEST_MEMORY_SECONDS * 1000));
}
