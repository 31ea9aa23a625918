import { cron } from "inngest";
import { EVENT_HANDLERS, inngest, JOB_NAMES, JOBS, scheduledClock, type JobName } from "@/lib/jobs";

/**
 * The Inngest functions, made from the jobs table (lib/jobs/registry.ts): one function per scheduled job (one run
 * at a time, as of the instant it was scheduled for) and one per event handler. Served at /api/inngest.
 */
function scheduledFunction(name: JobName) {
  const job = JOBS[name];
  return inngest.createFunction(
    { id: name, name: job.title, triggers: [cron(`TZ=UTC ${job.schedule}`)], concurrency: { limit: 1 } },
    async ({ event, step }) => {
      const clock = scheduledClock(event);
      return job.onInngest === "step"
        ? step.run(name, () => job.run(clock, {}))
        : (job.onInngest as Exclude<typeof job.onInngest, string>)(clock, step);
    },
  );
}

const scheduled = JOB_NAMES.map(scheduledFunction);

const sendNotificationEmail = EVENT_HANDLERS["send-notification-email"];
const sendWeeklySummary = EVENT_HANDLERS["send-weekly-summary"];

const triggered = [
  inngest.createFunction(
    {
      id: "send-notification-email",
      name: sendNotificationEmail.title,
      triggers: [sendNotificationEmail.event],
      retries: sendNotificationEmail.retries,
      batchEvents: sendNotificationEmail.batchEvents,
      throttle: sendNotificationEmail.throttle,
    },
    async ({ events, step }) => step.run("deliver-notification-emails", () => sendNotificationEmail.run(events.map((event) => event.data))),
  ),
  inngest.createFunction(
    {
      id: "send-weekly-summary",
      name: sendWeeklySummary.title,
      triggers: [sendWeeklySummary.event],
      retries: sendWeeklySummary.retries,
      idempotency: sendWeeklySummary.idempotency,
      concurrency: sendWeeklySummary.concurrency,
    },
    async ({ event, step }) => step.run("send-weekly-summary", () => sendWeeklySummary.run(event.data)),
  ),
];

/** Every function served at /api/inngest. */
export const functions = [...scheduled, ...triggered];

/** The function of a job or event handler, by id. */
export function inngestFunction(id: JobName | keyof typeof EVENT_HANDLERS) {
  const found = functions.find((fn) => fn.id() === id);
  if (!found) throw new Error(`No Inngest function "${id}".`);
  return found;
}
