import type { Clock } from "@/lib/clock";
import { checkExpiredQuotes, type ExpiredQuotesResult } from "./check-expired-quotes";
import { checkOverdueOpportunities, type OverdueOpportunitiesResult } from "./check-overdue-opportunities";
import { checkPendingMaintenance, type PendingMaintenanceResult } from "./check-pending-maintenance";
import { cleanupOldNotifications, type CleanupResult } from "./cleanup-old-notifications";
import type { EmailTotals } from "./dispatch";
import { plural } from "./format";
import type { JobOptions } from "./options";
import { pruneRateLimits, type PruneRateLimitsResult } from "./prune-rate-limits";
import { retryEmails, type RetryEmailsResult } from "./retry-emails";
import { weeklySummary, type WeeklySummaryResult } from "./weekly-summary";

type Job<R> = {
  /** When Inngest runs it (UTC cron); the crontab in docs/scheduled-work.md uses the same schedules. */
  schedule: string;
  run(clock: Clock, options: JobOptions): Promise<R>;
  describe(result: R): string;
};

/** "3 emails queued", "2 emails sent, 1 failed", "0 emails". */
export function describeEmails(emails: EmailTotals): string {
  const parts = [
    ...(emails.queued > 0 ? [`${emails.queued} queued`] : []),
    ...(emails.sent > 0 || emails.failed > 0 ? [`${emails.sent} sent`] : []),
    ...(emails.failed > 0 ? [`${emails.failed} failed`] : []),
    ...(emails.skipped > 0 ? [`${emails.skipped} skipped`] : []),
  ];
  const total = emails.queued + emails.sent + emails.failed + emails.skipped;
  return parts.length === 0 ? "0 emails" : `${plural(total, "email")} (${parts.join(", ")})`;
}

const expiredQuotes: Job<ExpiredQuotesResult> = {
  schedule: "0 9 * * *",
  run: checkExpiredQuotes,
  describe: (r) => `${r.expired} expired, ${r.notified} notified (${r.alreadyNotified} already notified), ${describeEmails(r.emails)}`,
};

const pendingMaintenance: Job<PendingMaintenanceResult> = {
  schedule: "0 8 * * *",
  run: checkPendingMaintenance,
  describe: (r) =>
    `${plural(r.vehicles, "vehicle")} due (${r.overdue} overdue) in ${plural(r.tenants, "tenant")}, ` +
    `${r.notified} notified (${r.alreadyNotified} already notified today), ${describeEmails(r.emails)}`,
};

const overdueOpportunities: Job<OverdueOpportunitiesResult> = {
  schedule: "0 10 * * *",
  run: checkOverdueOpportunities,
  describe: (r) =>
    `${r.overdue} overdue, ${r.notified} notified (${r.alreadyNotified} already notified today), ${describeEmails(r.emails)}`,
};

const weekly: Job<WeeklySummaryResult> = {
  schedule: "0 7 * * 1",
  run: weeklySummary,
  describe: (r) =>
    `week of ${r.weekStart}, ${plural(r.users, "active user")}: ` +
    (r.queued > 0 ? `${r.queued} queued, ` : "") +
    `${r.sent} sent, ${r.alreadySent} already sent, ${r.failed} failed, ${r.skipped} skipped`,
};

const cleanup: Job<CleanupResult> = {
  schedule: "0 2 1 * *",
  run: (clock) => cleanupOldNotifications(clock),
  describe: (r) => `${plural(r.deleted, "read notification")} older than ${r.olderThanDays} days deleted`,
};

const rateLimits: Job<PruneRateLimitsResult> = {
  schedule: "0 * * * *",
  run: (clock) => pruneRateLimits(clock),
  describe: (r) => `${plural(r.deleted, "expired rate-limit bucket")} deleted`,
};

const retry: Job<RetryEmailsResult> = {
  schedule: "*/15 * * * *",
  run: (clock) => retryEmails(clock),
  describe: (r) => `${r.sent} sent, ${r.failed} failed, ${r.skipped} skipped`,
};

export const JOBS = {
  "check-expired-quotes": expiredQuotes,
  "check-pending-maintenance": pendingMaintenance,
  "check-overdue-opportunities": overdueOpportunities,
  "weekly-summary": weekly,
  "cleanup-old-notifications": cleanup,
  "prune-rate-limits": rateLimits,
  "retry-emails": retry,
} as const;

export type JobName = keyof typeof JOBS;

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** Runs a job by name as of `clock` and returns its one-line report ("check-…: 12 overdue, …"). */
export async function runJob(name: JobName, clock: Clock, options: JobOptions = {}): Promise<{ result: unknown; line: string }> {
  const job = JOBS[name] as Job<unknown>;
  const result = await job.run(clock, options);
  return { result, line: `${name}: ${job.describe(result)}` };
}
