import { checkExpiredQuotesFunction } from "./check-expired-quotes";
import { checkOverdueOpportunitiesFunction } from "./check-overdue-opportunities";
import { checkPendingMaintenanceFunction } from "./check-pending-maintenance";
import { cleanupOldNotificationsFunction } from "./cleanup-old-notifications";
import { pruneRateLimitsFunction } from "./prune-rate-limits";
import { sendNotificationEmailFunction } from "./send-notification-email";
import { sendWeeklySummaryFunction } from "./send-weekly-summary";
import { weeklySummaryFunction } from "./weekly-summary";

/** Every function served at /api/inngest. */
export const functions = [
  checkPendingMaintenanceFunction,
  checkExpiredQuotesFunction,
  checkOverdueOpportunitiesFunction,
  weeklySummaryFunction,
  sendWeeklySummaryFunction,
  cleanupOldNotificationsFunction,
  pruneRateLimitsFunction,
  sendNotificationEmailFunction,
];

export {
  checkExpiredQuotesFunction,
  checkOverdueOpportunitiesFunction,
  checkPendingMaintenanceFunction,
  cleanupOldNotificationsFunction,
  pruneRateLimitsFunction,
  sendNotificationEmailFunction,
  sendWeeklySummaryFunction,
  weeklySummaryFunction,
};
