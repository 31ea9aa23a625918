import { db, Prisma, queryRows, type Tx } from "@/lib/db";
import type { Decimal } from "@/lib/money";
import { rateOnSql } from "./rules-sql";

export type StoredRate = { currency: string; rate: Decimal; effectiveFrom: Date };

/** The rate of `currency` for the tenant on `day` (YYYY-MM-DD): 1 for the base currency, null when none is known. */
export async function rateOn(tenantId: string, currency: string, day: string, tx?: Tx): Promise<Decimal | null> {
  const [row] = await queryRows<{ rate: Decimal | null }>(
    Prisma.sql`SELECT ${rateOnSql(Prisma.sql`${tenantId}::uuid`, Prisma.sql`${currency}::text`, Prisma.sql`${day}::date`)} AS rate`,
    tx,
  );
  return row?.rate ?? null;
}

/** Every rate of the tenant: by currency, newest first. */
export function listRates(tenantId: string): Promise<StoredRate[]> {
  return db().exchangeRate.findMany({
    where: { tenantId },
    select: { currency: true, rate: true, effectiveFrom: true },
    orderBy: [{ currency: "asc" }, { effectiveFrom: "desc" }],
  });
}

export type NewRate = { currency: string; rate: string; effectiveFrom: string };

/** Adds the rates; one of the same currency and day replaces the rate there was. */
export async function upsertRates(tx: Tx, tenantId: string, userId: string, rates: NewRate[]): Promise<void> {
  if (rates.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO exchange_rates (tenant_id, currency, rate, effective_from, created_by)
    SELECT ${tenantId}::uuid, r.currency, r.rate, r.effective_from, ${userId}::uuid
    FROM unnest(${rates.map((r) => r.currency)}::text[], ${rates.map((r) => r.rate)}::numeric[], ${rates.map((r) => r.effectiveFrom)}::date[])
      AS r(currency, rate, effective_from)
    ON CONFLICT (tenant_id, currency, effective_from) DO UPDATE SET rate = EXCLUDED.rate, created_by = EXCLUDED.created_by, updated_at = now()`;
}

/** Forgets every rate of the tenant (they are relative to a base currency that is changing). */
export async function deleteRates(tx: Tx, tenantId: string): Promise<void> {
  await tx.exchangeRate.deleteMany({ where: { tenantId } });
}
