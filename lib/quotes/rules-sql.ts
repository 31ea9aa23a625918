import { Prisma } from "@/lib/db";

/** The SQL twins of rules.ts over a quote aliased `q` (dates `YYYY-MM-DD`). */

/** `isQuoteExpired`: matches the partial index idx_quotes_sent_valid_until. */
export function expiredQuoteSql(today: string): Prisma.Sql {
  return Prisma.sql`(q.status = 'SENT' AND q.valid_until < ${today}::date)`;
}

/** `isQuoteExpiringSoon`. */
export function expiringQuoteSql(today: string, soonLimit: string): Prisma.Sql {
  return Prisma.sql`(q.status = 'SENT' AND q.valid_until BETWEEN ${today}::date AND ${soonLimit}::date)`;
}
