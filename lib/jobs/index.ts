/** The scheduled checks: what the Inngest functions, the job runner (`npm run job`) and the tests call. */
export { checkExpiredQuotes, expiredQuoteKey, type ExpiredQuotesResult } from "./check-expired-quotes";
export { checkOverdueOpportunities, overdueOpportunityKey, type OverdueOpportunitiesResult } from "./check-overdue-opportunities";
export { checkPendingMaintenance, maintenanceKey, maintenanceMessage, type PendingMaintenanceResult } from "./check-pending-maintenance";
export { cleanupOldNotifications, CLEANUP_AFTER_DAYS, type CleanupResult } from "./cleanup-old-notifications";
export { queueWeeklySummaries, requestNotificationEmails, weeklySummaryEmailKey, type EmailTotals } from "./dispatch";
export type { JobOptions } from "./options";
export { PAGE_SIZE } from "./pages";
export { pruneRateLimits, type PruneRateLimitsResult } from "./prune-rate-limits";
export { describeEmails, isJobName, JOB_NAMES, JOBS, runJob, type JobName } from "./registry";
export { retryEmails, type RetryEmailsResult } from "./retry-emails";
export {
  activeUserIdsPage,
  sendUserWeeklySummary,
  weeklySummary,
  weeklySummaryKey,
  type UserSummaryOutcome,
  type WeeklySummaryResult,
} from "./weekly-summary";
export { buildWeeklySummary, weekStartOf } from "./weekly-summary-data";
