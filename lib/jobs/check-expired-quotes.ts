import { formatDay, toIsoDate, utcDate, type Clock } from "@/lib/clock";
import { db, Prisma } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { clipTitle, type NewNotification } from "@/lib/notifications";
import { expiredQuoteSql } from "@/lib/quotes";
import { addEmailTotals, noEmails, type EmailTotals } from "./dispatch";
import { plural } from "./format";
import { notifyAll } from "./notify";
import { tenantCondition, type JobOptions } from "./options";
import { keysetPages, PAGE_SIZE } from "./pages";

export type ExpiredQuotesResult = { expired: number; notified: number; alreadyNotified: number; emails: EmailTotals };

type ExpiredQuote = {
  id: string;
  tenant_id: string;
  sales_rep_id: string;
  quote_number: string;
  client_id: string;
  client_name: string;
  total_amount: string;
  currency: string;
  valid_until: string;
  days_expired: number;
  notified: boolean;
};

/** A quote expires once: its alert is created once per quote and sales rep, whatever day the check runs. */
export const expiredQuoteKey = (quoteId: string) => `expired-quote:${quoteId}`;

/**
 * One page of the quotes still SENT after their valid_until date (live quotes, active reps), in
 * (valid_until, id) order — the partial index idx_quotes_sent_valid_until — with whether the rep already has
 * the alert (the unique (user_id, dedupe_key) index answers that without a round trip per quote).
 */
function expiredQuotesPage(today: string, options: JobOptions, after: ExpiredQuote | undefined): Promise<ExpiredQuote[]> {
  return db().$queryRaw<ExpiredQuote[]>`
    SELECT q.id::text, q.tenant_id::text, q.sales_rep_id::text, q.quote_number, q.client_id::text, c.name AS client_name,
           q.total_amount::text AS total_amount, q.currency, to_char(q.valid_until, 'YYYY-MM-DD') AS valid_until,
           (${today}::date - q.valid_until)::int AS days_expired,
           EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = q.sales_rep_id AND n.dedupe_key = 'expired-quote:' || q.id::text) AS notified
    FROM quotes q
    JOIN clients c ON c.id = q.client_id
    JOIN users u ON u.id = q.sales_rep_id AND u.is_active
    WHERE ${expiredQuoteSql(today)} AND q.is_deleted = false
      ${tenantCondition(Prisma.sql`q.tenant_id`, options)}
      ${after ? Prisma.sql`AND (q.valid_until, q.id) > (${after.valid_until}::date, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY q.valid_until, q.id
    LIMIT ${PAGE_SIZE}`;
}

function expiredQuoteNotification(quote: ExpiredQuote): NewNotification {
  const amount = formatMoney(quote.total_amount, quote.currency);
  const ago = quote.days_expired === 1 ? "yesterday" : `${plural(quote.days_expired, "day")} ago`;
  return {
    tenantId: quote.tenant_id,
    userId: quote.sales_rep_id,
    title: clipTitle(`Quote ${quote.quote_number} has expired`),
    message:
      `Quote ${quote.quote_number} for ${quote.client_name} (${amount}) expired on ${formatDay(quote.valid_until)} (${ago}) ` +
      `and is still marked as sent. Follow up with the client, or update the quote.`,
    type: "WARNING",
    category: "QUOTE",
    actionUrl: `/quotes/${quote.id}`,
    actionLabel: "View quote",
    relatedEntityType: "quote",
    relatedEntityId: quote.id,
    dedupeKey: expiredQuoteKey(quote.id),
  };
}

/** Daily 09:00 UTC: warns each sales rep (and emails them) about their sent quotes that are past valid_until. */
export async function checkExpiredQuotes(clock: Clock, options: JobOptions = {}): Promise<ExpiredQuotesResult> {
  const today = toIsoDate(utcDate(clock()));
  const result: ExpiredQuotesResult = { expired: 0, notified: 0, alreadyNotified: 0, emails: noEmails() };
  for await (const page of keysetPages((after: ExpiredQuote | undefined) => expiredQuotesPage(today, options, after))) {
    const fresh = page.filter((quote) => !quote.notified);
    const { notified, emails } = await notifyAll(fresh.map(expiredQuoteNotification), { email: true, clock });
    result.expired += page.length;
    result.notified += notified;
    result.alreadyNotified += page.length - notified;
    addEmailTotals(result.emails, emails);
  }
  return result;
}
