/** The scheduled jobs and their Inngest plumbing: what the Inngest functions, the job runner and the tests use. */
export { checkDueActivities, type DueActivitiesResult } from "./check-due-activities";
export { checkStaleDeals, type StaleDealsResult } from "./check-stale-deals";
export { checkExpiredQuotes, expiredQuoteKey, type ExpiredQuotesResult } from "./check-expired-quotes";
export { checkOverdueOpportunities, type OverdueOpportunitiesResult } from "./check-overdue-opportunities";
export { checkPendingMaintenance, maintenanceKey, maintenanceMessage, type PendingMaintenanceResult } from "./check-pending-maintenance";
export { cleanupOldNotifications, CLEANUP_AFTER_DAYS, type CleanupResult } from "./cleanup-old-notifications";
export { queueWeeklySummaries, requestNotificationEmails, weeklySummaryEmailKey, type EmailTotals } from "./dispatch";
export { notificationEmailRequested, weeklySummaryRequested } from "./events";
export { inngest, isInngestConfigured } from "./inngest-client";
export { inngestEndpoint } from "./inngest-endpoint";
export type { JobOptions } from "./options";
export { PAGE_SIZE } from "./pages";
export { pruneRateLimits, type PruneRateLimitsResult } from "./prune-rate-limits";
export { crontab, describeEmails, EVENT_HANDLERS, isJobName, JOB_NAMES, JOBS, runJob, type Job, type JobName } from "./registry";
export { retryEmails, type RetryEmailsResult } from "./retry-emails";
export { scheduledClock } from "./scheduled-clock";
export {
  activeUserIdsPage,
  sendUserWeeklySummary,
  weeklySummary,
  weeklySummaryKey,
  type UserSummaryOutcome,
  type WeeklySummaryResult,
} from "./weekly-summary";
export { buildWeeklySummary, weekStartOf } from "./weekly-summary-data";
