import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { scheduledClock } from "@/inngest/scheduled-clock";
import { checkOverdueOpportunities } from "@/lib/jobs";

/** Daily 10:00 UTC: a reminder per overdue open opportunity to its assignee. */
export const checkOverdueOpportunitiesFunction = inngest.createFunction(
  {
    id: "check-overdue-opportunities",
    name: "Check overdue opportunities",
    triggers: [cron("TZ=UTC 0 10 * * *")],
    concurrency: { limit: 1 },
  },
  async ({ event, step }) => step.run("check-overdue-opportunities", () => checkOverdueOpportunities(scheduledClock(event))),
);
