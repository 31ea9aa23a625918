import { db } from "@/lib/db/prisma";

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

/** Deletes the buckets whose window started before `before`; returns how many went. */
export async function deleteBucketsStartedBefore(before: Date): Promise<number> {
  return db().$executeRaw`DELETE FROM rate_limit_buckets WHERE window_start < ${before}`;
}
