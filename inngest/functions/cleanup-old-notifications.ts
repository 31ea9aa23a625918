import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { scheduledClock } from "@/inngest/scheduled-clock";
import { cleanupOldNotifications } from "@/lib/jobs";

/** 1st of the month 02:00 UTC: soft-deletes read notifications older than 90 days. */
export const cleanupOldNotificationsFunction = inngest.createFunction(
  { id: "cleanup-old-notifications", name: "Clean up old notifications", triggers: [cron("TZ=UTC 0 2 1 * *")], concurrency: { limit: 1 } },
  async ({ event, step }) => step.run("cleanup-old-notifications", () => cleanupOldNotifications(scheduledClock(event))),
);
