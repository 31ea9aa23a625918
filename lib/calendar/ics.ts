import ical from "ical-generator";
import { addDays } from "@/lib/clock";
import type { FeedActivity, FeedDeal } from "./feed-items";

/** How long an activity's event lasts in a calendar: activities have a due time, not a length. */
export const ACTIVITY_EVENT_MINUTES = 30;

/** The UID domain: an item keeps its UID across fetches, so calendar apps update an event rather than add another. */
const UID_DOMAIN = "onquota";

export const activityUid = (id: string) => `activity-${id}@${UID_DOMAIN}`;
export const closeDateUid = (id: string) => `deal-close-${id}@${UID_DOMAIN}`;

const TYPE_LABEL: Record<string, string> = { CALL: "Call", MEETING: "Meeting", EMAIL: "Email", TASK: "Task", NOTE: "Note" };

export type CalendarInput = { ownerName: string; origin: string; now: Date; activities: FeedActivity[]; deals: FeedDeal[] };

/**
 * The iCalendar document of a feed (RFC 5545). Activities are UTC instants; an expected close date is an all-day
 * event (DATE values), so it sits on the same day in every time zone.
 */
export function buildCalendar({ ownerName, origin, now, activities, deals }: CalendarInput): string {
  const calendar = ical({
    name: `OnQuota — ${ownerName}`,
    description: "Your open activities and the expected close dates of your open deals",
    prodId: { company: "OnQuota", product: "Calendar feed", language: "EN" },
    ttl: 60 * 60,
  });
  for (const activity of activities) {
    const about = [activity.opportunity && `Deal: ${activity.opportunity.name}`, activity.client && `Client: ${activity.client.name}`];
    calendar.createEvent({
      id: activityUid(activity.id),
      stamp: now,
      start: activity.dueAt,
      end: new Date(activity.dueAt.getTime() + ACTIVITY_EVENT_MINUTES * 60_000),
      summary: `${TYPE_LABEL[activity.type] ?? activity.type}: ${activity.subject}`,
      description: [...about, activity.note].filter(Boolean).join("\n"),
      url: activity.opportunity
        ? `${origin}/opportunities/${activity.opportunity.id}`
        : activity.client
          ? `${origin}/clients/${activity.client.id}`
          : null,
    });
  }
  for (const deal of deals) {
    calendar.createEvent({
      id: closeDateUid(deal.id),
      stamp: now,
      allDay: true,
      start: deal.expectedCloseDate,
      end: addDays(deal.expectedCloseDate, 1),
      summary: `Expected close: ${deal.name} (${deal.client.name})`,
      description: `Deal: ${deal.name}\nClient: ${deal.client.name}\nStage: ${deal.stage}`,
      url: `${origin}/opportunities/${deal.id}`,
    });
  }
  return calendar.toString();
}
