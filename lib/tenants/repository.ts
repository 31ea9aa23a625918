import { Prisma, queryRows, type Tx } from "@/lib/db";
import type { Scope } from "@/lib/scope";

/** The caller's tenant's base currency: the currency every total is in. */
export async function baseCurrencyOf(scope: Pick<Scope, "tenantId">): Promise<string> {
  const [row] = await queryRows<{ base_currency: string }>(
    Prisma.sql`SELECT base_currency FROM tenants WHERE id = ${scope.tenantId}::uuid`,
  );
  return row?.base_currency ?? "USD";
}

export type TenantRow = { id: string; name: string; baseCurrency: string; createdAt: Date; hasDeals: boolean };

export async function findTenant(scope: Scope, tx?: Tx): Promise<TenantRow | null> {
  const [row] = await queryRows<{ id: string; name: string; base_currency: string; created_at: Date; has_deals: boolean }>(
    Prisma.sql`SELECT t.id, t.name, t.base_currency, t.created_at,
        EXISTS (SELECT 1 FROM opportunities o WHERE o.tenant_id = t.id) AS has_deals
      FROM tenants t WHERE t.id = ${scope.tenantId}::uuid ${tx ? Prisma.sql`FOR UPDATE` : Prisma.empty}`,
    tx,
  );
  return row ? { id: row.id, name: row.name, baseCurrency: row.base_currency, createdAt: row.created_at, hasDeals: row.has_deals } : null;
}

export async function updateTenantRow(tx: Tx, scope: Scope, data: { name?: string; baseCurrency?: string }): Promise<void> {
  await tx.tenant.update({ where: { id: scope.tenantId }, data });
}
