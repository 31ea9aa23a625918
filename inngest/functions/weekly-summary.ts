import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { weeklySummaryRequested } from "@/inngest/events";
import { scheduledClock } from "@/inngest/scheduled-clock";
import { activeUserIdsPage, PAGE_SIZE, weeklySummaryEmailKey, weekStartOf } from "@/lib/jobs";

/**
 * Mondays 07:00 UTC: fans out one `app/weekly-summary.requested` event per active user, a page of users at a
 * time (each page a step, each batch of events a step, so a retry resumes where it stopped). Event ids
 * make a repeated fan-out within a day a no-op; send-weekly-summary builds and mails each summary.
 */
export const weeklySummaryFunction = inngest.createFunction(
  { id: "weekly-summary", name: "Weekly summary (fan-out)", triggers: [cron("TZ=UTC 0 7 * * 1")], concurrency: { limit: 1 } },
  async ({ event, step }) => {
    const weekStart = weekStartOf(scheduledClock(event)());
    let after: string | undefined;
    let queued = 0;
    for (let page = 0; ; page++) {
      const cursor = after;
      const userIds = await step.run(`active-users-${page}`, () => activeUserIdsPage(cursor));
      if (userIds.length > 0) {
        await step.sendEvent(
          `request-summaries-${page}`,
          userIds.map((userId) => weeklySummaryRequested.create({ userId, weekStart }, { id: weeklySummaryEmailKey(userId, weekStart) })),
        );
        queued += userIds.length;
      }
      if (userIds.length < PAGE_SIZE) break;
      after = userIds.at(-1);
    }
    return { weekStart, queued };
  },
);
