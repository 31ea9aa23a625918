import { apiRoute } from "@/lib/http";
import { getTenant, getTenantOperation, serializeTenant, updateTenant, updateTenantOperation } from "@/lib/tenants";

export const GET = apiRoute(getTenantOperation, async ({ scope }) => serializeTenant(await getTenant(scope)));

export const PUT = apiRoute(updateTenantOperation, async ({ scope, body }) => serializeTenant(await updateTenant(scope, body)));
