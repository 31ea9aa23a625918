/** What the edges use of the calendar feed: a user's secret iCalendar URL of their follow-ups and close dates. */
export * from "./operations";
export { calendarFileOf } from "./service";
export { getCalendarFeed, issueCalendarFeed, revokeCalendarFeed, tokenOfFileName } from "./feed-tokens";
export type { CalendarFeedOut, IssuedCalendarFeedOut } from "./schemas";
