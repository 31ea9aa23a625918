/** What the edges and other modules use of tenants (a company and its settings). */
export { baseCurrencyOf, type TenantRow } from "./repository";
export { getTenant, updateTenant } from "./service";
export { serializeTenant } from "./serialize";
export * from "./schemas";
export * from "./operations";
