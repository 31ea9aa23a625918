import { takePipelineSnapshots } from "@/lib/analytics";
import type { Clock } from "@/lib/clock";
import { deliverNotificationEmails, sendDueDigests } from "@/lib/email";
import { restateExchangeRates } from "@/lib/opportunities";
import { sendDuePush } from "@/lib/push";
import { deliverDueWebhooks } from "@/lib/webhooks";
import { checkDueActivities } from "./check-due-activities";
import { checkExpiredQuotes } from "./check-expired-quotes";
import { checkOverdueOpportunities } from "./check-overdue-opportunities";
import { checkPendingMaintenance } from "./check-pending-maintenance";
import { checkStaleDeals } from "./check-stale-deals";
import { cleanupOldNotifications } from "./cleanup-old-notifications";
import type { EmailTotals } from "./dispatch";
import { notificationEmailRequested, weeklySummaryRequested } from "./events";
import { plural } from "./format";
import type { JobOptions } from "./options";
import { pruneRateLimits } from "./prune-rate-limits";
import { retryEmails } from "./retry-emails";
import { sendUserWeeklySummary, weeklySummary } from "./weekly-summary";
import { fanOutWeeklySummaries, type Steps } from "./weekly-summary-fan-out";

/**
 * Every job, once: its name (for `npm run job` and Inngest), its UTC cron schedule, what it runs and how its result
 * reads. inngest/functions.ts makes the Inngest functions from this table and the job runner runs its entries; the
 * crontab for a deployment without Inngest is printed from it (`npm run job -- crontab`).
 */
export type Job<R = unknown> = {
  title: string;
  /** UTC cron expression. */
  schedule: string;
  run(clock: Clock, options: JobOptions): Promise<R>;
  describe(result: R): string;
  /** On Inngest: "step" runs `run` as one step; a function runs its own steps instead. */
  onInngest: "step" | ((clock: Clock, step: Steps) => Promise<unknown>);
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

const job = <R>(definition: Job<R>): Job => definition as Job;

export const JOBS = {
  "restate-exchange-rates": job({
    title: "Restate deals at today's exchange rates",
    schedule: "5 0 * * *",
    run: (clock) => restateExchangeRates(clock),
    describe: (r) => `${plural(r.restated, "open deal")} restated at today's rates`,
    onInngest: "step",
  }),
  "check-pending-maintenance": job({
    title: "Check pending maintenance",
    schedule: "0 8 * * *",
    run: checkPendingMaintenance,
    describe: (r) =>
      `${plural(r.vehicles, "vehicle")} due (${r.overdue} overdue) in ${plural(r.tenants, "tenant")}, ` +
      `${r.notified} notified (${r.alreadyNotified} already notified today), ${describeEmails(r.emails)}`,
    onInngest: "step",
  }),
  "check-expired-quotes": job({
    title: "Check expired quotes",
    schedule: "0 9 * * *",
    run: checkExpiredQuotes,
    describe: (r) => `${r.expired} expired, ${r.notified} notified (${r.alreadyNotified} already notified), ${describeEmails(r.emails)}`,
    onInngest: "step",
  }),
  "check-overdue-opportunities": job({
    title: "Check overdue opportunities",
    schedule: "0 10 * * *",
    run: checkOverdueOpportunities,
    describe: (r) =>
      `${r.overdue} overdue, ${r.notified} notified (${r.alreadyNotified} already notified today), ${describeEmails(r.emails)}`,
    onInngest: "step",
  }),
  "check-due-activities": job({
    title: "Check activities coming due",
    schedule: "*/15 * * * *",
    run: checkDueActivities,
    describe: (r) =>
      `${r.comingDue} coming due, ${r.overdue} overdue, ${r.notified} notified (${r.alreadyNotified} already notified), ${describeEmails(r.emails)}`,
    onInngest: "step",
  }),
  "check-stale-deals": job({
    title: "Check stale deals",
    schedule: "30 10 * * *",
    run: checkStaleDeals,
    describe: (r) => `${r.stale} stale, ${r.notified} notified (${r.alreadyNotified} already this spell), ${describeEmails(r.emails)}`,
    onInngest: "step",
  }),
  "weekly-summary": job({
    title: "Weekly summary",
    schedule: "0 7 * * 1",
    run: weeklySummary,
    describe: (r) =>
      `week of ${r.weekStart}, ${plural(r.users, "active user")}: ` +
      (r.queued > 0 ? `${r.queued} queued, ` : "") +
      `${r.sent} sent, ${r.alreadySent} already sent, ${r.failed} failed, ${r.skipped} skipped`,
    onInngest: fanOutWeeklySummaries,
  }),
  "cleanup-old-notifications": job({
    title: "Clean up old notifications",
    schedule: "0 2 1 * *",
    run: (clock) => cleanupOldNotifications(clock),
    describe: (r) => `${plural(r.deleted, "read notification")} older than ${r.olderThanDays} days deleted`,
    onInngest: "step",
  }),
  "snapshot-pipeline": job({
    title: "Keep each day's pipeline for the as-of summary",
    schedule: "20 * * * *",
    run: (clock, options) => takePipelineSnapshots(clock, options),
    describe: (r) => `${plural(r.days, "day")} kept for ${plural(r.tenants, "company", "companies")}`,
    onInngest: "step",
  }),
  "prune-rate-limits": job({
    title: "Prune rate-limit buckets",
    schedule: "0 * * * *",
    run: (clock) => pruneRateLimits(clock),
    describe: (r) => `${plural(r.deleted, "expired rate-limit bucket")} deleted`,
    onInngest: "step",
  }),
  "deliver-webhooks": job({
    title: "Deliver webhooks",
    schedule: "* * * * *",
    run: (clock) => deliverDueWebhooks({ clock }),
    describe: (r) =>
      `${plural(r.succeeded, "delivery", "deliveries")} succeeded, ${r.failed} failed` +
      (r.disabled > 0 ? `, ${plural(r.disabled, "webhook")} turned off` : ""),
    onInngest: "step",
  }),
  "send-digests": job({
    title: "Send daily digests",
    schedule: "*/15 * * * *",
    run: (clock) => sendDueDigests({ clock }),
    describe: (r) =>
      `${plural(r.sent, "digest")} sent (${plural(r.notifications, "notification")}), ${r.failed} failed, ` +
      `${r.alreadySent} already sent today, ${r.notDue} not due yet`,
    onInngest: "step",
  }),
  "send-push": job({
    title: "Send push notifications",
    schedule: "* * * * *",
    run: (clock) => sendDuePush({ clock }),
    describe: (r) =>
      `${plural(r.sent, "push", "pushes")} sent, ${r.failed} failed, ${r.expired} expired (browser unsubscribed), ${r.skipped} skipped`,
    onInngest: "step",
  }),
  "retry-emails": job({
    title: "Retry failed emails and send those held by quiet hours",
    schedule: "*/15 * * * *",
    run: (clock) => retryEmails(clock),
    describe: (r) => `${r.sent} sent, ${r.failed} failed, ${r.skipped} skipped`,
    // Also on Inngest: quiet hours hold an email without failing it, so Inngest's own retries never send it.
    onInngest: "step",
  }),
} as const satisfies Record<string, Job>;

export type JobName = keyof typeof JOBS;

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** Runs a job by name as of `clock` and returns its one-line report ("check-…: 12 overdue, …"). */
export async function runJob(name: JobName, clock: Clock, options: JobOptions = {}): Promise<{ result: unknown; line: string }> {
  const entry = JOBS[name];
  const result = await entry.run(clock, options);
  return { result, line: `${name}: ${entry.describe(result)}` };
}

/** The crontab of a deployment without Inngest, from the schedules above. */
export function crontab(projectDir = "/srv/onquota", logFile = "/var/log/onquota-jobs.log"): string {
  const width = Math.max(...JOB_NAMES.map((name) => name.length));
  const lines = JOB_NAMES.map((name) => {
    const [minute, hour, dom, month, dow] = JOBS[name].schedule.split(" ");
    const when = [minute!.padEnd(4), hour!.padEnd(2), dom!.padEnd(3), month!.padEnd(3), dow!.padEnd(4)].join(" ");
    return `${when} cd ${projectDir} && npm run -s job -- ${name.padEnd(width)} >> ${logFile} 2>&1`;
  });
  return ["CRON_TZ=UTC", "# m  h  dom mon dow  command", ...lines].join("\n");
}

/** Work that events start (on Inngest only): each handler is what the event's function runs in one step. */
export const EVENT_HANDLERS = {
  "send-notification-email": {
    title: "Send notification email",
    event: notificationEmailRequested,
    /**
     * A burst of events arrives as batches: one run emails up to 100 notifications in one provider call. A failed
     * send throws, so Inngest retries the run with backoff; the email module skips the ones already sent.
     */
    run: (events: Array<{ notificationId: string }>) =>
      deliverNotificationEmails(
        events.map((data) => data.notificationId),
        { throwOnFailure: "any" },
      ),
    retries: 5,
    batchEvents: { maxSize: 100, timeout: "2s" },
    /** Keeps the rate of runs (each at most one batch call) within Resend's default API limit. */
    throttle: { limit: 2, period: "1s" as const },
  },
  "send-weekly-summary": {
    title: "Send weekly summary",
    event: weeklySummaryRequested,
    /** Builds, records and emails one user's summary; the notification's email status keeps a retry from sending twice. */
    run: (data: { userId: string; weekStart: string }) => sendUserWeeklySummary(data.userId, data.weekStart, { throwOnFailure: true }),
    retries: 5,
    idempotency: "event.data.userId + '/' + event.data.weekStart",
    concurrency: { limit: 10 },
  },
} as const;
