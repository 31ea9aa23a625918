/** What the edges and other modules use of tenants (a company and its settings). */
export { baseCurrencyOf } from "./repository";
