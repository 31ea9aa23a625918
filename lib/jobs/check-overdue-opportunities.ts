import { formatDay, toIsoDate, utcDate, type Clock } from "@/lib/clock";
import { db, Prisma } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { clipTitleSql, createNotificationsFrom } from "@/lib/notifications";
import { daysOverdue, overdueSql } from "@/lib/opportunities";
import { addEmailTotals, noEmails, requestNotificationEmails, type EmailTotals } from "./dispatch";
import { plural } from "./format";
import { tenantCondition, type JobOptions } from "./options";
import { keysetPages } from "./pages";

export type OverdueOpportunitiesResult = { overdue: number; notified: number; alreadyNotified: number; emails: EmailTotals };

/** A page row: the deal's key and what its reminder shows of it, formatted here by the one money and date formatters. */
type OverdueDeal = { id: string; expected_close_date: string; estimated_value: string; currency: string };

/** An overdue deal is a reminder a day: its dedupe key is overdue-opportunity:<opportunity id>:<day>. */
const KEY_PREFIX = "overdue-opportunity:";

/** Rows per page: a page's keys and amounts travel to the app and back; the notifications are built and inserted in SQL. */
const OVERDUE_PAGE_SIZE = 5000;

/**
 * One page of the overdue, live opportunities (the module's `overdueSql`; active assignees only), in
 * (expected_close_date, id) order — the partial index idx_opportunities_expected_close_date.
 */
function overduePage(today: string, options: JobOptions, after: OverdueDeal | undefined): Promise<OverdueDeal[]> {
  return db().$queryRaw<OverdueDeal[]>`
    SELECT o.id::text, to_char(o.expected_close_date, 'YYYY-MM-DD') AS expected_close_date, o.estimated_value::text AS estimated_value, o.currency
    FROM opportunities o
    JOIN users u ON u.id = o.assigned_to AND u.is_active
    WHERE o.is_deleted = false AND ${overdueSql(today)}
      ${tenantCondition(Prisma.sql`o.tenant_id`, options)}
      ${after ? Prisma.sql`AND (o.expected_close_date, o.id) > (${after.expected_close_date}::date, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY o.expected_close_date, o.id
    LIMIT ${OVERDUE_PAGE_SIZE}`;
}

/**
 * The reminders of these deals as rows for `createNotificationsFrom`: "Opportunity 3 days overdue: <name>" (clipped
 * by `clipTitleSql`) and a message whose amount, date and delay the app's formatters and rules wrote.
 */
function overdueNotifications(page: OverdueDeal[], today: string): Prisma.Sql {
  const ids = page.map((deal) => deal.id);
  const amounts = page.map((deal) => formatMoney(deal.estimated_value, deal.currency));
  const dates = page.map((deal) => formatDay(deal.expected_close_date));
  const delays = page.map((deal) => `${plural(daysOverdue(deal.expected_close_date, today), "day")} overdue`);
  return Prisma.sql`
    SELECT o.tenant_id, o.assigned_to, ${clipTitleSql(Prisma.sql`('Opportunity ' || shown.delay || ': ' || o.name)`)},
           '"' || o.name || '" for ' || c.name || ' (' || shown.amount || ') was expected to close on ' || shown.day || ' and is ' ||
             shown.delay || '. Move it forward, close it, or update its expected close date.',
           'WARNING'::notification_type, 'OPPORTUNITY'::notification_category,
           '/opportunities/' || o.id::text, 'View opportunity', 'opportunity', o.id,
           ${KEY_PREFIX} || o.id::text || ':' || ${today}, true, false
    FROM unnest(${ids}::uuid[], ${amounts}::text[], ${dates}::text[], ${delays}::text[]) AS shown(id, amount, day, delay)
    JOIN opportunities o ON o.id = shown.id
    JOIN clients c ON c.id = o.client_id`;
}

/** Pages inserted at the same time: the database's inserts (index upkeep) are the cost, and it has more than one core. */
const PAGES_IN_FLIGHT = 2;

/**
 * Daily 10:00 UTC: reminds each assignee of their open opportunities past the expected close date, in the app and by
 * email (OPPORTUNITY emails, unless turned off; queued on Inngest or sent like every check's). Page by page, the
 * overdue deals are read and their reminders inserted by one INSERT … SELECT, skipping the ones already sent today,
 * so memory stays flat; only the new reminders are emailed, so a re-run sends nothing twice. Pages hold different deals, hence different dedupe keys, so two of them insert
 * side by side without waiting for each other.
 */
export async function checkOverdueOpportunities(clock: Clock, options: JobOptions = {}): Promise<OverdueOpportunitiesResult> {
  const today = toIsoDate(utcDate(clock()));
  const result: OverdueOpportunitiesResult = { overdue: 0, notified: 0, alreadyNotified: 0, emails: noEmails() };
  const notifyPage = async (page: OverdueDeal[]) => {
    const created = await createNotificationsFrom(overdueNotifications(page, today));
    result.overdue += page.length;
    result.notified += created.length;
    result.alreadyNotified += page.length - created.length;
    addEmailTotals(result.emails, await requestNotificationEmails(created, { clock }));
  };
  const inFlight: Array<Promise<void>> = [];
  try {
    for await (const page of keysetPages((after: OverdueDeal | undefined) => overduePage(today, options, after), OVERDUE_PAGE_SIZE)) {
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
