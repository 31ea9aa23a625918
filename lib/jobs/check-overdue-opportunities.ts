import { toIsoDate, utcDate, type Clock } from "@/lib/clock";
import { db, Prisma } from "@/lib/db/prisma";
import type { NewNotification } from "@/lib/notifications";
import { formatAmount } from "@/lib/notifications/alerts";
import { addEmailTotals, noEmails, type EmailTotals } from "./dispatch";
import { clipTitle, daysOverdueText } from "./format";
import { notifyAll } from "./notify";
import { tenantCondition, type JobOptions } from "./options";
import { keysetPages, PAGE_SIZE } from "./pages";

export type OverdueOpportunitiesResult = { overdue: number; notified: number; alreadyNotified: number; emails: EmailTotals };

type OverdueRow = {
  id: string;
  tenant_id: string;
  assigned_to: string;
  name: string;
  client_name: string;
  estimated_value: string;
  currency: string;
  expected_close_date: string;
  days_overdue: number;
  notified: boolean;
};

/** An overdue deal is a reminder a day: one per opportunity, assignee and day. */
export const overdueOpportunityKey = (opportunityId: string, day: string) => `overdue-opportunity:${opportunityId}:${day}`;

/**
 * One page of the open, live opportunities whose expected close date is before today (active assignees only),
 * in (expected_close_date, id) order — the partial index idx_opportunities_expected_close_date.
 */
function overduePage(today: string, options: JobOptions, after: OverdueRow | undefined): Promise<OverdueRow[]> {
  return db().$queryRaw<OverdueRow[]>`
    SELECT o.id::text, o.tenant_id::text, o.assigned_to::text, o.name, c.name AS client_name,
           o.estimated_value::text AS estimated_value, o.currency, to_char(o.expected_close_date, 'YYYY-MM-DD') AS expected_close_date,
           (${today}::date - o.expected_close_date)::int AS days_overdue,
           EXISTS (
             SELECT 1 FROM notifications n
             WHERE n.user_id = o.assigned_to AND n.dedupe_key = 'overdue-opportunity:' || o.id::text || ':' || ${today}
           ) AS notified
    FROM opportunities o
    JOIN clients c ON c.id = o.client_id
    JOIN users u ON u.id = o.assigned_to AND u.is_active
    WHERE o.is_deleted = false AND o.stage <> 'CLOSED_WON' AND o.stage <> 'CLOSED_LOST' AND o.expected_close_date < ${today}::date
      ${tenantCondition(Prisma.sql`o.tenant_id`, options)}
      ${after ? Prisma.sql`AND (o.expected_close_date, o.id) > (${after.expected_close_date}::date, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY o.expected_close_date, o.id
    LIMIT ${PAGE_SIZE}`;
}

function overdueNotification(row: OverdueRow, today: string): NewNotification {
  const overdue = daysOverdueText(row.days_overdue);
  return {
    tenantId: row.tenant_id,
    userId: row.assigned_to,
    title: clipTitle(`Opportunity ${overdue}: ${row.name}`),
    message:
      `"${row.name}" for ${row.client_name} (${formatAmount(row.estimated_value, row.currency)}) was expected to close on ` +
      `${row.expected_close_date} and is ${overdue}. Move it forward, close it, or update its expected close date.`,
    type: "WARNING",
    category: "OPPORTUNITY",
    actionUrl: `/opportunities/${row.id}`,
    actionLabel: "View opportunity",
    relatedEntityType: "opportunity",
    relatedEntityId: row.id,
    dedupeKey: overdueOpportunityKey(row.id, today),
  };
}

/** Daily 10:00 UTC: reminds each assignee of their open opportunities past the expected close date (no email). */
export async function checkOverdueOpportunities(clock: Clock, options: JobOptions = {}): Promise<OverdueOpportunitiesResult> {
  const today = toIsoDate(utcDate(clock()));
  const result: OverdueOpportunitiesResult = { overdue: 0, notified: 0, alreadyNotified: 0, emails: noEmails() };
  for await (const page of keysetPages((after: OverdueRow | undefined) => overduePage(today, options, after))) {
    const fresh = page.filter((row) => !row.notified);
    const { notified, emails } = await notifyAll(
      fresh.map((row) => overdueNotification(row, today)),
      { email: false, clock },
    );
    result.overdue += page.length;
    result.notified += notified;
    result.alreadyNotified += page.length - notified;
    addEmailTotals(result.emails, emails);
  }
  return result;
}
