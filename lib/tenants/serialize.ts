import type { TenantRow } from "./repository";
import type { TenantOut } from "./schemas";

export function serializeTenant(tenant: TenantRow): TenantOut {
  return {
    id: tenant.id,
    name: tenant.name,
    base_currency: tenant.baseCurrency,
    has_deals: tenant.hasDeals,
    created_at: tenant.createdAt.toISOString(),
  };
}
