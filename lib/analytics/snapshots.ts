import type { Clock } from "@/lib/clock";
import { addDays, toIsoDate, utcDate } from "@/lib/clock";
import { db, Prisma, queryRows } from "@/lib/db";
import { ownerStageTotalsAtSql } from "./state-sql";
import { windowBounds } from "./window-bounds";

/** A day is kept once it ended this long ago, when no write dated that day can still be in flight. */
const SETTLE_MS = 60 * 60 * 1000;
/** How far back a tenant's days are kept, and how many are taken at most per tenant and run (newest first). */
const SNAPSHOT_DAYS_BACK = 400;
const DAYS_PER_RUN = 31;

export type PipelineSnapshotsResult = { days: number; tenants: number };

/** Whether the pipeline of the tenant's `day` (YYYY-MM-DD) is kept. */
export async function snapshotTaken(tenantId: string, day: string): Promise<boolean> {
  const rows = await queryRows<{ taken: boolean }>(
    Prisma.sql`SELECT true AS taken FROM pipeline_snapshot_days WHERE tenant_id = ${tenantId}::uuid AND day = ${day}::date`,
  );
  return rows.length > 0;
}

/** The last day that has settled as of `now`. */
function lastSettledDay(now: Date): string {
  return toIsoDate(addDays(utcDate(new Date(now.getTime() - SETTLE_MS)), -1));
}

/**
 * Hourly: keeps the per-owner, per-stage totals of each settled day (the as-of summary's figures) for every tenant,
 * from its first recorded change and at most SNAPSHOT_DAYS_BACK days back, newest first, DAYS_PER_RUN days per
 * tenant a run. Each day is rebuilt from the change log and kept in one transaction, once: a day another instance
 * took meanwhile is skipped.
 */
export async function takePipelineSnapshots(clock: Clock, options: { tenantId?: string } = {}): Promise<PipelineSnapshotsResult> {
  const last = lastSettledDay(clock());
  const due = await db().$queryRaw<{ tenant_id: string; day: string }[]>`
    SELECT t.id::text AS tenant_id, d.day::text AS day
    FROM tenants t
    CROSS JOIN LATERAL (
      SELECT (min(c.changed_at) AT TIME ZONE 'UTC')::date AS first FROM opportunity_changes c WHERE c.tenant_id = t.id
    ) AS f
    CROSS JOIN LATERAL (
      SELECT g::date AS day
      FROM generate_series(${last}::date, greatest(f.first, ${last}::date - ${SNAPSHOT_DAYS_BACK - 1}::int), interval '-1 day') AS g
      WHERE NOT EXISTS (SELECT 1 FROM pipeline_snapshot_days s WHERE s.tenant_id = t.id AND s.day = g::date)
      LIMIT ${DAYS_PER_RUN}
    ) AS d
    WHERE f.first IS NOT NULL ${options.tenantId ? Prisma.sql`AND t.id = ${options.tenantId}::uuid` : Prisma.empty}
    ORDER BY t.id, d.day DESC`;
  let days = 0;
  for (const { tenant_id: tenantId, day } of due) {
    const { end } = windowBounds(day, day);
    days += await db().$transaction(
      async (tx) => {
        const claimed = await tx.$executeRaw`
        INSERT INTO pipeline_snapshot_days (tenant_id, day, taken_at) VALUES (${tenantId}::uuid, ${day}::date, ${clock()})
        ON CONFLICT DO NOTHING`;
        if (claimed === 0) return 0;
        await tx.$executeRaw`
        INSERT INTO pipeline_snapshots (tenant_id, day, assigned_to, stage, deals, total_value, weighted_cents, probability_sum)
        SELECT ${tenantId}::uuid, ${day}::date, r.assigned_to, r.stage::opportunity_stage, r.deals, r.total_value, r.weighted_cents, r.probability_sum
        FROM (${ownerStageTotalsAtSql(tenantId, end)}) AS r`;
        return 1;
      },
      { timeout: 120_000 },
    );
  }
  return { days, tenants: new Set(due.map((row) => row.tenant_id)).size };
}
