import type { Clock } from "@/lib/clock";
import { pruneRateLimits as pruneBuckets } from "@/lib/rate-limit";

export type PruneRateLimitsResult = { deleted: number };

/** Hourly: deletes the sign-in and registration rate-limit buckets whose windows have ended. */
export async function pruneRateLimits(clock: Clock): Promise<PruneRateLimitsResult> {
  return { deleted: await pruneBuckets(clock) };
}
