import { systemClock, type Clock } from "@/lib/clock";
import { TooManyRequestsError } from "@/lib/errors";
import { deleteBucketsStartedBefore, hitBucket, refundHit, type Bucket } from "./repository";

type Limit = { max: number; windowSeconds: number };

/** Failed sign-ins (API token and login page) per account (email). */
export const LOGIN_PER_ACCOUNT: Limit = { max: 10, windowSeconds: 15 * 60 };
/** Failed sign-ins per client IP, whatever the account. */
export const LOGIN_PER_IP: Limit = { max: 50, windowSeconds: 15 * 60 };
/** Registration attempts (successful or not) per client IP. */
export const REGISTER_PER_IP: Limit = { max: 10, windowSeconds: 60 * 60 };

type Rule = { key: string; limit: Limit };
type Hit = { bucket: Bucket; limit: Limit };

async function hitAll(rules: Rule[], now: Date): Promise<Hit[]> {
  const hits = await Promise.all(rules.map(async ({ key, limit }) => ({ bucket: await hitBucket(key, limit.windowSeconds, now), limit })));
  const over = hits.filter((h) => h.bucket.count > h.limit.max);
  if (over.length > 0) throw new TooManyRequestsError(Math.max(...over.map((h) => secondsLeft(h, now))));
  return hits;
}

function secondsLeft({ bucket, limit }: Hit, now: Date): number {
  const endsAt = bucket.windowStart.getTime() + limit.windowSeconds * 1000;
  return Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
}

/**
 * Runs a sign-in attempt under the per-account and per-IP limits. Every attempt reserves a hit first
 * (so concurrent bursts count exactly); a successful one gives its hits back, so only failures count.
 * An attempt still in flight holds its hit, so more than `max` simultaneous correct sign-ins can meet a 429.
 * Over either limit it throws TooManyRequestsError without trying the password.
 */
export async function limitSignIn<T>(
  email: string,
  ip: string,
  attempt: () => Promise<T | null>,
  clock: Clock = systemClock,
): Promise<T | null> {
  const hits = await hitAll(
    [
      { key: `login:account:${email.trim().toLowerCase()}`, limit: LOGIN_PER_ACCOUNT },
      { key: `login:ip:${ip}`, limit: LOGIN_PER_IP },
    ],
    clock(),
  );
  const result = await attempt();
  if (result !== null) await Promise.all(hits.map((h) => refundHit(h.bucket)));
  return result;
}

/** Counts a registration attempt from this IP; over the limit it throws TooManyRequestsError. */
export async function limitRegistration(ip: string, clock: Clock = systemClock): Promise<void> {
  await hitAll([{ key: `register:ip:${ip}`, limit: REGISTER_PER_IP }], clock());
}

const LONGEST_WINDOW_SECONDS = Math.max(LOGIN_PER_ACCOUNT.windowSeconds, LOGIN_PER_IP.windowSeconds, REGISTER_PER_IP.windowSeconds);

/**
 * Deletes buckets whose window has ended under every limit. A deleted bucket and an expired one count the
 * same (the next hit starts a new window), so pruning never lets anyone through sooner.
 */
export async function pruneRateLimits(clock: Clock = systemClock): Promise<number> {
  return deleteBucketsStartedBefore(new Date(clock().getTime() - LONGEST_WINDOW_SECONDS * 1000));
}
