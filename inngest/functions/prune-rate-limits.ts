import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { scheduledClock } from "@/inngest/scheduled-clock";
import { pruneRateLimits } from "@/lib/jobs";

/** Every hour: deletes rate-limit buckets whose windows have ended. */
export const pruneRateLimitsFunction = inngest.createFunction(
  { id: "prune-rate-limits", name: "Prune rate-limit buckets", triggers: [cron("TZ=UTC 0 * * * *")], concurrency: { limit: 1 } },
  async ({ event, step }) => step.run("prune-rate-limits", () => pruneRateLimits(scheduledClock(event))),
);
