import { dbPool, migrationStatus } from "@/lib/db";
import { logger } from "@/lib/log";
import { isDraining } from "@/lib/server";

/** A probe that takes longer than this counts as a failure: a load balancer must not wait on a stuck database. */
const READY_TIMEOUT_MS = 3_000;

export type Readiness =
  | { ready: true; status: "ready"; migrations: number }
  | { ready: false; status: "draining" | "database_unreachable" | "migrations_pending" | "migration_failed" };

/**
 * Whether this instance should get traffic: not shutting down, its database answers, and every migration of
 * this code base is applied there.
 */
export async function readiness(): Promise<Readiness> {
  if (isDraining()) return { ready: false, status: "draining" };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
  });
  try {
    const status = await Promise.race([migrationStatus(dbPool()), timeout]);
    if (status.failed.length > 0) {
      logger.warn({ failed: status.failed }, "ready: a migration failed");
      return { ready: false, status: "migration_failed" };
    }
    if (status.pending.length > 0) {
      logger.warn({ pending: status.pending }, "ready: migrations not applied");
      return { ready: false, status: "migrations_pending" };
    }
    return { ready: true, status: "ready", migrations: status.expected.length };
  } catch (error) {
    logger.warn({ err: error }, "ready: database unreachable");
    return { ready: false, status: "database_unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
