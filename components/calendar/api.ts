import type { CalendarFeedOut, IssuedCalendarFeedOut } from "@/lib/calendar";

/** The browser's calls to the calendar feed API (same-origin, session cookie). */
const URL = "/api/v1/calendar/feed";

async function call<T>(init?: RequestInit): Promise<T> {
  const response = await fetch(URL, { credentials: "same-origin", ...init, headers: { accept: "application/json", ...init?.headers } });
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${URL} answered ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const fetchCalendarFeed = () => call<CalendarFeedOut>();
export const issueCalendarFeed = () => call<IssuedCalendarFeedOut>({ method: "POST" });
export const revokeCalendarFeed = () => call<void>({ method: "DELETE" });
