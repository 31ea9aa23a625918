import { weeklySummaryRequested } from "./events";
import { PAGE_SIZE } from "./pages";
import { weeklySummaryEmailKey } from "./dispatch";
import { activeUserIdsPage } from "./weekly-summary";
import { weekStartOf } from "./weekly-summary-data";
import type { Clock } from "@/lib/clock";

/** The two step tools of an Inngest run the fan-out uses. */
export type Steps = {
  run(id: string, work: () => Promise<string[]>): Promise<string[]>;
  sendEvent(id: string, events: ReturnType<typeof weeklySummaryRequested.create>[]): Promise<unknown>;
};

/**
 * The weekly summary on Inngest: one `app/weekly-summary.requested` event per active user, a page of users at a
 * time (each page a step, each batch of events a step, so a retry resumes where it stopped). Event ids make a
 * repeated fan-out within a day a no-op; send-weekly-summary builds and mails each summary.
 */
export async function fanOutWeeklySummaries(clock: Clock, step: Steps): Promise<{ weekStart: string; queued: number }> {
  const weekStart = weekStartOf(clock());
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
}
