import type { Operation } from "@/lib/http/operation";
import { userOperations } from "@/lib/users/operations";

/**
 * Every API operation, once. The OpenAPI document and the route-table tests read this list; a route file
 * whose handler is not listed here fails the route-table test.
 */
export const operations: readonly Operation[] = [
  ...userOperations,
];
