import type { Operation } from "@/lib/http";
import { userOperations } from "@/lib/users";
import { opportunityOperations, stageSettingsOperations } from "@/lib/opportunities";
import { clientOperations } from "@/lib/clients";
import { quoteOperations } from "@/lib/quotes";
import { vehicleOperations } from "@/lib/vehicles";
import { notificationOperations } from "@/lib/notifications";
import { emailOperations } from "@/lib/email";
import { currencyOperations } from "@/lib/currency";
import { tenantOperations } from "@/lib/tenants";
import { activityOperations } from "@/lib/activities";
import { importOperations } from "@/lib/imports";
import { analyticsOperations } from "@/lib/analytics";
import { lossReasonOperations } from "@/lib/loss-reasons";
import { forecastOperations } from "@/lib/forecast";
import { pushOperations } from "@/lib/push";
import { webhookOperations } from "@/lib/webhooks";
import { calendarOperations } from "@/lib/calendar";
import { notificationPreferenceOperations } from "@/lib/notification-preferences";
import { openApiOperations } from "./operations";

/**
 * Every API operation, once. The OpenAPI document and the route-table tests read this list; a route file
 * whose handler is not listed here fails the route-table test.
 */
export const operations: readonly Operation[] = [
  ...userOperations,
  ...opportunityOperations,
  ...stageSettingsOperations,
  ...clientOperations,
  ...quoteOperations,
  ...vehicleOperations,
  ...notificationOperations,
  ...emailOperations,
  ...tenantOperations,
  ...currencyOperations,
  ...activityOperations,
  ...importOperations,
  ...analyticsOperations,
  ...lossReasonOperations,
  ...forecastOperations,
  ...webhookOperations,
  ...pushOperations,
  ...calendarOperations,
  ...notificationPreferenceOperations,
  ...openApiOperations,
];
