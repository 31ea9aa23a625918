import { type Scope, seesWholeTenant } from "@/lib/scope";
import { addDays, toIsoDate, utcDate } from "@/lib/clock";
import { db, Prisma } from "@/lib/db";
import type { WeeklySummary } from "@/lib/email";
import { Decimal, toMoney } from "@/lib/money";
import { getPipelineSummary, OPEN_STAGES, overdueSql, visibleSql } from "@/lib/opportunities";
import { countExpiringQuotes, EXPIRING_SOON_DAYS } from "@/lib/quotes";
import { countMaintenanceDue, MAINTENANCE_DUE_SOON_DAYS } from "@/lib/vehicles";

/** The Monday (UTC) of the week an instant falls in, as `YYYY-MM-DD`. */
export function weekStartOf(instant: Date): string {
  const today = utcDate(instant);
  return toIsoDate(addDays(today, -((today.getUTCDay() + 6) % 7)));
}

type DealCounts = { new_opportunities: number; won: number; revenue: string; overdue: number };

/**
 * A user's summary of the week before `weekStart` (Monday): new and won deals of the 7 days before, the open
 * pipeline, quotes expiring and deals overdue as of that Monday, and — for supervisors and admins — the tenant's
 * vehicles due for maintenance. Reps see their own deals and quotes; supervisors and admins the tenant's.
 */
export async function buildWeeklySummary(scope: Scope, weekStart: string): Promise<WeeklySummary> {
  const today = new Date(`${weekStart}T00:00:00.000Z`);
  const periodStart = addDays(today, -7);
  const [first, last, day] = [toIsoDate(periodStart), toIsoDate(addDays(today, -1)), toIsoDate(today)];
  const [pipeline, deals, expiringQuotes, pendingMaintenance] = await Promise.all([
    getPipelineSummary(scope),
    db().$queryRaw<DealCounts[]>`
      SELECT (count(*) FILTER (WHERE o.created_at >= ${periodStart.toISOString()}::timestamptz AND o.created_at < ${today.toISOString()}::timestamptz))::int AS new_opportunities,
             (count(*) FILTER (WHERE ${wonIn(first, last)}))::int AS won,
             COALESCE(sum(o.estimated_value) FILTER (WHERE ${wonIn(first, last)}), 0)::text AS revenue,
             (count(*) FILTER (WHERE ${overdueSql(day)}))::int AS overdue
      FROM opportunities o
      WHERE ${visibleSql(scope)}`,
    countExpiringQuotes(scope, day, toIsoDate(addDays(today, EXPIRING_SOON_DAYS))),
    seesWholeTenant(scope) ? countMaintenanceDue(scope, toIsoDate(addDays(today, MAINTENANCE_DUE_SOON_DAYS))) : Promise.resolve(0),
  ]);
  const counts = deals[0];
  const open = pipeline.stages.filter((stage) => OPEN_STAGES.includes(stage.stage));
  return {
    periodStart: first,
    periodEnd: last,
    newOpportunities: counts?.new_opportunities ?? 0,
    opportunitiesWon: counts?.won ?? 0,
    revenue: toMoney(counts?.revenue ?? "0"),
    activeOpportunities: open.reduce((sum, stage) => sum + stage.count, 0),
    weightedPipeline: toMoney(open.reduce((sum, stage) => sum.add(stage.weightedValue), new Decimal(0))),
    expiringQuotes,
    overdueOpportunities: counts?.overdue ?? 0,
    pendingMaintenance,
    currency: pipeline.baseCurrency,
  };
}

function wonIn(first: string, last: string): Prisma.Sql {
  return Prisma.sql`o.stage = 'CLOSED_WON' AND o.actual_close_date BETWEEN ${first}::date AND ${last}::date`;
}
