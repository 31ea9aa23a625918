import type { Clock } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import type { Scope } from "@/lib/scope";

/**
 * Every write transaction of the module opens here. It first tells the change-log trigger (migration
 * 20261207030000_analytics) who writes and when — the caller and the clock's instant — for this transaction only.
 */
export function writeTransaction<T>(
  scope: Scope,
  clock: Clock,
  work: (tx: Tx) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('onquota.actor_id', ${scope.userId}, true), set_config('onquota.now', ${clock().toISOString()}, true)`;
    return work(tx);
  }, options);
}
