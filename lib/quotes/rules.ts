import type { QuoteStatus } from "@/lib/generated/prisma/enums";

/** A quote's expiry rules (the guide's: a SENT quote past its valid_until date). SQL twins in rules-sql.ts. Dates are `YYYY-MM-DD`. */

export const EXPIRING_SOON_DAYS = 7;

type Dated = { status: QuoteStatus; valid_until: string };

/** Still SENT after its valid_until date. SQL: `expiredQuoteSql`. */
export function isQuoteExpired(quote: Dated, today: string): boolean {
  return quote.status === "SENT" && quote.valid_until < today;
}

/** SENT and valid from `today` up to `soonLimit` (today + EXPIRING_SOON_DAYS). SQL: `expiringQuoteSql`. */
export function isQuoteExpiringSoon(quote: Dated, today: string, soonLimit: string): boolean {
  return quote.status === "SENT" && quote.valid_until >= today && quote.valid_until <= soonLimit;
}

export type QuoteExpiry = "expired" | "expiring" | null;

/** What a quote's badge says: marked EXPIRED or expired by the rule, expiring soon, or nothing. */
export function quoteExpiry(quote: Dated, today: string, soonLimit: string): QuoteExpiry {
  if (quote.status === "EXPIRED" || isQuoteExpired(quote, today)) return "expired";
  return isQuoteExpiringSoon(quote, today, soonLimit) ? "expiring" : null;
}
