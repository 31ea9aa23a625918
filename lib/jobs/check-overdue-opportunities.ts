import { toIsoDate, utcDate, type Clock } from "@/lib/clock";
import { db, Prisma } from "@/lib/db/prisma";
import { createNotificationsFrom } from "@/lib/notifications";
import { noEmails, type EmailTotals } from "./dispatch";
import { tenantCondition, type JobOptions } from "./options";
import { keysetPages } from "./pages";

export type OverdueOpportunitiesResult = { overdue: number; notified: number; alreadyNotified: number; emails: EmailTotals };

type OverdueKey = { id: string; expected_close_date: string };

const KEY_PREFIX = "overdue-opportunity:";

/** An overdue deal is a reminder a day: one per opportunity, assignee and day. */
export const overdueOpportunityKey = (opportunityId: string, day: string) => `${KEY_PREFIX}${opportunityId}:${day}`;

/** Rows per page: the keys of a page travel to the app and back, the notifications are built and inserted in SQL. */
const OVERDUE_PAGE_SIZE = 5000;

/**
 * The keys of one page of the open, live opportunities whose expected close date is before today (active assignees
 * only), in (expected_close_date, id) order — the partial index idx_opportunities_expected_close_date.
 */
function overduePage(today: string, options: JobOptions, after: OverdueKey | undefined): Promise<OverdueKey[]> {
  return db().$queryRaw<OverdueKey[]>`
    SELECT o.id::text, to_char(o.expected_close_date, 'YYYY-MM-DD') AS expected_close_date
    FROM opportunities o
    JOIN users u ON u.id = o.assigned_to AND u.is_active
    WHERE o.is_deleted = false AND o.stage <> 'CLOSED_WON' AND o.stage <> 'CLOSED_LOST' AND o.expected_close_date < ${today}::date
      ${tenantCondition(Prisma.sql`o.tenant_id`, options)}
      ${after ? Prisma.sql`AND (o.expected_close_date, o.id) > (${after.expected_close_date}::date, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY o.expected_close_date, o.id
    LIMIT ${OVERDUE_PAGE_SIZE}`;
}

/**
 * The reminders of these deals as rows for `createNotificationsFrom`, written in SQL with the texts of
 * lib/jobs/format.ts and lib/notifications/alerts.ts: "Opportunity 3 days overdue: <name>" (clipped to 200
 * characters with "…"), and the amount as "USD 50,000.00" (to_char of the exact decimal, thousands with commas).
 */
function overdueNotifications(ids: string[], today: string): Prisma.Sql {
  return Prisma.sql`
    SELECT o.tenant_id, o.assigned_to, heading.title,
           '"' || o.name || '" for ' || c.name || ' (' || o.currency || ' ' || to_char(o.estimated_value, 'FM999,999,999,990.00') ||
             ') was expected to close on ' || to_char(o.expected_close_date, 'YYYY-MM-DD') || ' and is ' || late.overdue ||
             '. Move it forward, close it, or update its expected close date.',
           'WARNING'::notification_type, 'OPPORTUNITY'::notification_category,
           '/opportunities/' || o.id::text, 'View opportunity', 'opportunity', o.id,
           ${KEY_PREFIX} || o.id::text || ':' || ${today}, false
    FROM opportunities o
    JOIN clients c ON c.id = o.client_id
    CROSS JOIN LATERAL (SELECT ${today}::date - o.expected_close_date AS days) AS age
    CROSS JOIN LATERAL (SELECT age.days || CASE WHEN age.days = 1 THEN ' day' ELSE ' days' END || ' overdue' AS overdue) AS late
    CROSS JOIN LATERAL (SELECT 'Opportunity ' || late.overdue || ': ' || o.name AS text) AS full_title
    CROSS JOIN LATERAL (
      SELECT CASE WHEN char_length(full_title.text) <= 200 THEN full_title.text ELSE left(full_title.text, 199) || '…' END AS title
    ) AS heading
    WHERE o.id = ANY(${ids}::uuid[])`;
}

/** Pages inserted at the same time: the database's inserts (index upkeep) are the cost, and it has more than one core. */
const PAGES_IN_FLIGHT = 2;

/**
 * Daily 10:00 UTC: reminds each assignee of their open opportunities past the expected close date (no email). Page
 * by page, the overdue deals' keys are read and their reminders inserted by one INSERT … SELECT, skipping the ones
 * already sent today, so memory stays flat and nothing per row crosses to the app but its key. Pages hold different
 * deals, hence different dedupe keys, so two of them insert side by side without waiting for each other.
 */
export async function checkOverdueOpportunities(clock: Clock, options: JobOptions = {}): Promise<OverdueOpportunitiesResult> {
  const today = toIsoDate(utcDate(clock()));
  const result: OverdueOpportunitiesResult = { overdue: 0, notified: 0, alreadyNotified: 0, emails: noEmails() };
  const notifyPage = async (page: OverdueKey[]) => {
    const notified = await createNotificationsFrom(
      overdueNotifications(
        page.map((row) => row.id),
        today,
      ),
    );
    result.overdue += page.length;
    result.notified += notified;
    result.alreadyNotified += page.length - notified;
  };
  const inFlight: Array<Promise<void>> = [];
  try {
    for await (const page of keysetPages((after: OverdueKey | undefined) => overduePage(today, options, after), OVERDUE_PAGE_SIZE)) {
      const pending = notifyPage(page);
      pending.catch(() => undefined); // observed below; this only keeps an early failure from counting as unhandled
      inFlight.push(pending);
      if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } finally {
    // After a failure, let the other page finish (or fail) before reporting, so nothing runs on unobserved.
    await Promise.allSettled(inFlight);
  }
  return result;
}
