import type { Scope } from "@/lib/scope";
import { Prisma, queryRows } from "@/lib/db";

/** The caller's tenant's base currency: the currency every total is in. */
export async function baseCurrencyOf(scope: Pick<Scope, "tenantId">): Promise<string> {
  const [row] = await queryRows<{ base_currency: string }>(
    Prisma.sql`SELECT base_currency FROM tenants WHERE id = ${scope.tenantId}::uuid`,
  );
  return row?.base_currency ?? "USD";
}
