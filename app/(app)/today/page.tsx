import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth";
import { fixedClock, systemClock } from "@/lib/clock";
import { getMyDay } from "@/lib/activities";
import { daysInStage, getMyStaleOpportunities } from "@/lib/opportunities";
import { PageHeader } from "@/components/ui/list-ui";
import { TodayActivities } from "@/components/activities/today-activities";
import { StaleDeals } from "@/components/activities/stale-deals";

export const metadata: Metadata = { title: "Today" };

/** The user's day: overdue and due-today activities (complete or reschedule in place) and their stale deals. */
export default async function TodayPage() {
  const scope = await requirePageScope();
  const clock = fixedClock(systemClock());
  const [day, stale] = await Promise.all([getMyDay(scope, clock), getMyStaleOpportunities(scope, clock)]);
  return (
    <div className="space-y-6">
      <PageHeader title="Today" description="Your overdue and due-today follow-ups, and the deals that went stale." />
      <TodayActivities title="Overdue" activities={day.overdue} empty="Nothing overdue." />
      <TodayActivities title="Due today" activities={day.dueToday} empty="Nothing else due today." />
      <StaleDeals
        deals={stale.map((deal) => ({
          id: deal.id,
          name: deal.name,
          stage: deal.stage,
          clientName: deal.client.name,
          days: daysInStage(deal.stageEnteredAt, clock()),
        }))}
      />
    </div>
  );
}
