import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { scheduledClock } from "@/inngest/scheduled-clock";
import { checkPendingMaintenance } from "@/lib/jobs";

/** Daily 08:00 UTC: one digest per tenant manager listing the vehicles due within 7 days. */
export const checkPendingMaintenanceFunction = inngest.createFunction(
  { id: "check-pending-maintenance", name: "Check pending maintenance", triggers: [cron("TZ=UTC 0 8 * * *")], concurrency: { limit: 1 } },
  async ({ event, step }) => step.run("check-pending-maintenance", () => checkPendingMaintenance(scheduledClock(event))),
);
