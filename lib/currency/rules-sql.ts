import { Prisma } from "@/lib/db";

/**
 * `toBase` in SQL: round(value × rate, 2) — PostgreSQL rounds numeric half away from zero, which is half up for
 * these positive amounts.
 */
export function toBaseSql(value: Prisma.Sql, rate: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`round(${value} * ${rate}, 2)`;
}

/**
 * The rate of `currency` (an SQL expression) for tenant `tenantId` on `day`: the latest `effective_from` ≤ that day;
 * 1 for the base currency, NULL when there is none.
 */
export function rateOnSql(tenantId: Prisma.Sql, currency: Prisma.Sql, day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT CASE WHEN ${currency} = t.base_currency THEN 1::numeric ELSE (
      SELECT r.rate FROM exchange_rates r
      WHERE r.tenant_id = t.id AND r.currency = ${currency} AND r.effective_from <= ${day}
      ORDER BY r.effective_from DESC LIMIT 1) END
    FROM tenants t WHERE t.id = ${tenantId})`;
}
