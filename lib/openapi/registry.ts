import type { Operation } from "@/lib/http/operation";
import { userOperations } from "@/lib/users/operations";
import { opportunityOperations } from "@/lib/opportunities/operations";
import { clientOperations } from "@/lib/clients/operations";
import { quoteOperations } from "@/lib/quotes/operations";
import { vehicleOperations } from "@/lib/vehicles/operations";
import { notificationOperations } from "@/lib/notifications/operations";
import { emailOperations } from "@/lib/email/operations";

/**
 * Every API operation, once. The OpenAPI document and the route-table tests read this list; a route file
 * whose handler is not listed here fails the route-table test.
 */
export const operations: readonly Operation[] = [
  ...userOperations,
  ...opportunityOperations,
  ...clientOperations,
  ...quoteOperations,
  ...vehicleOperations,
  ...notificationOperations,
  ...emailOperations,
];
