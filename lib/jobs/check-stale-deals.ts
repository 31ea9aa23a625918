import type { Clock } from "@/lib/clock";
import { db, Prisma } from "@/lib/db";
import { clipTitle, type NewNotification } from "@/lib/notifications";
import { daysInStage, isStaleSql, refreshAutoStaleDays, STAGE_SETTINGS_JOIN } from "@/lib/opportunities";
import { addEmailTotals, noEmails, type EmailTotals } from "./dispatch";
import { plural } from "./format";
import { notifyAll } from "./notify";
import { tenantCondition, type JobOptions } from "./options";
import { keysetPages } from "./pages";

export type StaleDealsResult = { stale: number; notified: number; alreadyNotified: number; emails: EmailTotals };

type StaleRow = { id: string; tenant_id: string; assigned_to: string; name: string; stage: string; stage_entered_at: Date; spell: string };

const STAGE_NAME: Record<string, string> = { LEAD: "Lead", QUALIFIED: "Qualified", PROPOSAL: "Proposal", NEGOTIATION: "Negotiation" };

function stalePage(now: Date, options: JobOptions, after: StaleRow | undefined): Promise<StaleRow[]> {
  return db().$queryRaw<StaleRow[]>`
    SELECT o.id::text, o.tenant_id::text, o.assigned_to::text, o.name, o.stage::text AS stage, o.stage_entered_at,
           (extract(epoch FROM o.stage_entered_at) * 1000)::bigint::text || ':' ||
             coalesce((extract(epoch FROM o.last_activity_at) * 1000)::bigint::text, '0') AS spell
    FROM opportunities o
    JOIN users u ON u.id = o.assigned_to AND u.is_active
    ${STAGE_SETTINGS_JOIN}
    WHERE o.is_deleted = false AND ${isStaleSql(now)}
      ${tenantCondition(Prisma.sql`o.tenant_id`, options)}
      ${after ? Prisma.sql`AND o.id > ${after.id}::uuid` : Prisma.empty}
    ORDER BY o.id
    LIMIT 1000`;
}

/**
 * Daily: refreshes the auto stale thresholds from the won deals' history, then tells each owner of their stale
 * deals, once per stale spell: the dedupe key is the deal with its stage entry and its last activity, so only a new
 * stage or a new activity (then staleness again) starts a new spell.
 */
export async function checkStaleDeals(clock: Clock, options: JobOptions = {}): Promise<StaleDealsResult> {
  const now = clock();
  await refreshAutoStaleDays(options.tenantId);
  const result: StaleDealsResult = { stale: 0, notified: 0, alreadyNotified: 0, emails: noEmails() };
  for await (const page of keysetPages((after: StaleRow | undefined) => stalePage(now, options, after), 1000)) {
    const notices: NewNotification[] = page.map((row) => {
      const days = plural(daysInStage(row.stage_entered_at, now), "day");
      const stage = STAGE_NAME[row.stage] ?? row.stage;
      return {
        tenantId: row.tenant_id,
        userId: row.assigned_to,
        title: clipTitle(`Stale deal: ${row.name}`),
        message: `"${row.name}" has been ${days} in ${stage} with no recent activity and no next step planned. Plan the next step or move it on.`,
        type: "WARNING",
        category: "OPPORTUNITY",
        actionUrl: `/opportunities/${row.id}`,
        actionLabel: "View opportunity",
        relatedEntityType: "opportunity",
        relatedEntityId: row.id,
        dedupeKey: `stale-deal:${row.id}:${row.spell}`,
      };
    });
    result.stale += page.length;
    const totals = await notifyAll(notices, { email: true, clock });
    result.notified += totals.notified;
    result.alreadyNotified += page.length - totals.notified;
    addEmailTotals(result.emails, totals.emails);
  }
  return result;
}
