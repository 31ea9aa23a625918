import { deleteRates } from "@/lib/currency";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { findTenant, updateTenantRow, type TenantRow } from "./repository";
import type { UpdateTenantBody } from "./schemas";

export async function getTenant(scope: Scope): Promise<TenantRow> {
  const tenant = await findTenant(scope);
  if (!tenant) throw new NotFoundError("Tenant");
  return tenant;
}

/**
 * Renames the company and/or changes its base currency. The base currency changes only while the company has no
 * deals (their base values would all be wrong); its exchange rates, relative to the old base, are cleared with it.
 */
export async function updateTenant(scope: Scope, body: UpdateTenantBody): Promise<TenantRow> {
  await db().$transaction(async (tx) => {
    const tenant = await findTenant(scope, tx);
    if (!tenant) throw new NotFoundError("Tenant");
    const rebased = body.base_currency !== undefined && body.base_currency !== tenant.baseCurrency;
    if (rebased && tenant.hasDeals) {
      throw new ConflictError("The base currency can change only while the company has no deals.", "base_currency");
    }
    if (rebased) await deleteRates(tx, scope.tenantId);
    await updateTenantRow(tx, scope, { name: body.name, baseCurrency: body.base_currency });
  });
  return getTenant(scope);
}
