import { inngest } from "@/inngest/client";
import { weeklySummaryRequested } from "@/inngest/events";
import { sendUserWeeklySummary } from "@/lib/jobs";

/**
 * One user's weekly summary: built, recorded as a notification and emailed. A failed send throws, so Inngest
 * retries it (with its exponential backoff); the notification's email status keeps a retry from sending twice,
 * and the idempotency key keeps a duplicated event from starting a second run.
 */
export const sendWeeklySummaryFunction = inngest.createFunction(
  {
    id: "send-weekly-summary",
    name: "Send weekly summary",
    triggers: [weeklySummaryRequested],
    retries: 5,
    idempotency: "event.data.userId + '/' + event.data.weekStart",
    concurrency: { limit: 10 },
  },
  async ({ event, step }) =>
    step.run("send-weekly-summary", () => sendUserWeeklySummary(event.data.userId, event.data.weekStart, { throwOnFailure: true })),
);
