import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { scheduledClock } from "@/inngest/scheduled-clock";
import { checkExpiredQuotes } from "@/lib/jobs";

/** Daily 09:00 UTC. The check is idempotent (dedupe keys), so a retried step creates nothing twice. */
export const checkExpiredQuotesFunction = inngest.createFunction(
  { id: "check-expired-quotes", name: "Check expired quotes", triggers: [cron("TZ=UTC 0 9 * * *")], concurrency: { limit: 1 } },
  async ({ event, step }) => step.run("check-expired-quotes", () => checkExpiredQuotes(scheduledClock(event))),
);
