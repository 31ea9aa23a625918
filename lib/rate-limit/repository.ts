import { db } from "@/lib/db";

export type Bucket = { key: string; count: number; windowStart: Date };

/**
 * Counts one hit on a fixed-window bucket in a single atomic statement: a window older than
 * `windowSeconds` restarts at `now` with a count of 1, otherwise the count goes up by one.
 */
export async function hitBucket(key: string, windowSeconds: number, now: Date): Promise<Bucket> {
  const rows = await db().$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limit_buckets (key, count, window_start, updated_at)
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_buckets.window_start <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                   THEN 1 ELSE rate_limit_buckets.count + 1 END,
      window_start = CASE WHEN rate_limit_buckets.window_start <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                   THEN ${now}::timestamptz ELSE rate_limit_buckets.window_start END,
      updated_at = ${now}
    RETURNING count, window_start`;
  const row = rows[0]!;
  return { key, count: Number(row.count), windowStart: row.window_start };
}

/** Gives back a hit, if its window is still the current one. */
export async function refundHit(bucket: Bucket): Promise<void> {
  await db().$executeRaw`
    UPDATE rate_limit_buckets SET count = count - 1
    WHERE key = ${bucket.key} AND window_start = ${bucket.windowStart} AND count > 0`;
}

export type Throttle = { freeAttempts: number; maxDelaySeconds: number; forgetAfterSeconds: number };

/**
 * Counts an attempt on a throttle whose wait grows with each attempt, in one atomic statement (an attempt that
 * must wait changes nothing). Once `count` attempts are on record, the next needs no wait while count <
 * `freeAttempts`, then 2^(count - freeAttempts) s (at most `maxDelaySeconds`) after the last one
 * (`updated_at`); the count starts over once the last attempt is `forgetAfterSeconds` old. Returns whether the
 * attempt was counted, else how many seconds are left to wait.
 */
export async function hitThrottle(
  key: string,
  throttle: Throttle,
  now: Date,
): Promise<{ counted: true } | { counted: false; waitSeconds: number }> {
  const { freeAttempts, maxDelaySeconds, forgetAfterSeconds } = throttle;
  const counted = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_buckets AS b (key, count, window_start, updated_at)
    VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN b.updated_at <= ${now}::timestamptz - make_interval(secs => ${forgetAfterSeconds}) THEN 1 ELSE b.count + 1 END,
      window_start = CASE WHEN b.updated_at <= ${now}::timestamptz - make_interval(secs => ${forgetAfterSeconds}) THEN ${now}::timestamptz ELSE b.window_start END,
      updated_at = ${now}
    WHERE b.updated_at <= ${now}::timestamptz - make_interval(secs => ${forgetAfterSeconds})
       OR b.count < ${freeAttempts}
       OR b.updated_at + make_interval(secs => least(power(2, b.count - ${freeAttempts}), ${maxDelaySeconds})) <= ${now}::timestamptz
    RETURNING count`;
  if (counted.length > 0) return { counted: true };
  const [row] = await db().$queryRaw<{ wait_ms: number }[]>`
    SELECT extract(epoch FROM (updated_at + make_interval(secs => least(power(2, count - ${freeAttempts}), ${maxDelaySeconds})) - ${now}::timestamptz)) * 1000 AS wait_ms
    FROM rate_limit_buckets WHERE key = ${key}`;
  return { counted: false, waitSeconds: Math.max(1, Math.ceil(Number(row?.wait_ms ?? 1000) / 1000)) };
}

/** Forgets a throttle's attempts (the client proved who it is). */
export async function clearThrottle(key: string): Promise<void> {
  await db().$executeRaw`DELETE FROM rate_limit_buckets WHERE key = ${key}`;
}

/** Deletes the buckets and throttles untouched since `before`; returns how many went. */
export async function deleteBucketsUntouchedSince(before: Date): Promise<number> {
  return db().$executeRaw`DELETE FROM rate_limit_buckets WHERE updated_at < ${before}`;
}
