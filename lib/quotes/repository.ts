import { db, Prisma, queryRows, type Tx } from "@/lib/db";
import { ownedWhere, type Scope, seesWholeTenant } from "@/lib/scope";
import type { QuoteStatus } from "@/lib/generated/prisma/enums";
import { type PageRequest, skipTake } from "@/lib/http";
import { expiringQuoteSql } from "./rules-sql";
import { quoteSelect, type QuoteRow } from "./serialize";

export type QuoteFilter = { status?: QuoteStatus; clientId?: string; salesRepId?: string };

export type QuoteData = {
  clientId: string;
  salesRepId: string;
  quoteNumber: string;
  totalAmount: string;
  currency: string;
  status: QuoteStatus;
  validUntil: Date;
};

/** Live quotes the caller may reach: the tenant's for managers, their own for reps. */
function visibleWhere(scope: Scope): Prisma.QuoteWhereInput {
  return { ...ownedWhere(scope, "salesRepId"), isDeleted: false };
}

/** `visibleWhere` over a quote aliased `q`. */
function visibleSql(scope: Scope): Prisma.Sql {
  const own = seesWholeTenant(scope) ? Prisma.empty : Prisma.sql`AND q.sales_rep_id = ${scope.userId}::uuid`;
  return Prisma.sql`q.tenant_id = ${scope.tenantId}::uuid AND q.is_deleted = false ${own}`;
}

/** How many visible quotes expire soon as of `today` (YYYY-MM-DD, up to `soonLimit`). */
export async function countExpiringQuotes(scope: Scope, today: string, soonLimit: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    Prisma.sql`SELECT count(*)::int AS count FROM quotes q WHERE ${visibleSql(scope)} AND ${expiringQuoteSql(today, soonLimit)}`,
  );
  return row?.count ?? 0;
}

function filterWhere(scope: Scope, filter: QuoteFilter): Prisma.QuoteWhereInput {
  const conditions: Prisma.QuoteWhereInput[] = [visibleWhere(scope)];
  if (filter.status) conditions.push({ status: filter.status });
  if (filter.clientId) conditions.push({ clientId: filter.clientId });
  if (filter.salesRepId) conditions.push({ salesRepId: filter.salesRepId });
  return { AND: conditions };
}

export async function listQuotes(scope: Scope, filter: QuoteFilter, page: PageRequest): Promise<{ rows: QuoteRow[]; total: number }> {
  const where = filterWhere(scope, filter);
  const [rows, total] = await Promise.all([
    db().quote.findMany({
      where,
      select: quoteSelect,
      orderBy: [{ validUntil: "asc" }, { quoteNumber: "asc" }, { id: "asc" }],
      ...skipTake(page),
    }),
    db().quote.count({ where }),
  ]);
  return { rows, total };
}

export function findQuote(scope: Scope, id: string, tx: Tx = db()): Promise<QuoteRow | null> {
  return tx.quote.findFirst({ where: { ...visibleWhere(scope), id }, select: quoteSelect });
}

/**
 * Runs `work` in a transaction holding a lock on each quote number of the tenant, so that two concurrent
 * writers cannot both find a number free and both take it.
 */
export function withQuoteNumberLock<T>(scope: Scope, quoteNumbers: string[], work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    for (const number of [...new Set(quoteNumbers)].sort()) {
      await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`quote_number:${scope.tenantId}:${number}`}, 0))`;
    }
    return work(tx);
  });
}

/** True when a live quote of the tenant (anyone's) other than `exceptId` has this number. */
export async function quoteNumberTaken(tx: Tx, scope: Scope, quoteNumber: string, exceptId?: string): Promise<boolean> {
  const count = await tx.quote.count({
    where: { tenantId: scope.tenantId, isDeleted: false, quoteNumber, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
  });
  return count > 0;
}

export function insertQuote(tx: Tx, scope: Scope, data: QuoteData): Promise<QuoteRow> {
  return tx.quote.create({ data: { ...data, tenantId: scope.tenantId }, select: quoteSelect });
}

/** Applies the changes to a quote the caller may reach; null when there is none. */
export async function updateQuoteRow(tx: Tx, scope: Scope, id: string, changes: Partial<QuoteData>): Promise<QuoteRow | null> {
  const { count } = await tx.quote.updateMany({ where: { ...visibleWhere(scope), id }, data: changes });
  return count === 0 ? null : findQuote(scope, id, tx);
}

export async function softDeleteQuote(scope: Scope, id: string, now: Date): Promise<boolean> {
  const { count } = await db().quote.updateMany({ where: { ...visibleWhere(scope), id }, data: { isDeleted: true, deletedAt: now } });
  return count > 0;
}
