import { defineOperation } from "@/lib/http";
import { calendarFeedOut, calendarFileOut, calendarFileParams, issuedCalendarFeedOut } from "./schemas";

const tags = ["Calendar"];

export const getCalendarFeedOperation = defineOperation({
  id: "getCalendarFeed",
  method: "GET",
  path: "/calendar/feed",
  summary: "Whether you have a calendar feed URL, and when it was made and last read",
  tags,
  response: calendarFeedOut,
});

export const createCalendarFeedOperation = defineOperation({
  id: "createCalendarFeed",
  method: "POST",
  path: "/calendar/feed",
  summary: "Create your calendar feed URL, or rotate it: the new URL is shown once and any earlier one stops working",
  tags,
  response: issuedCalendarFeedOut,
  successStatus: 201,
});

export const revokeCalendarFeedOperation = defineOperation({
  id: "revokeCalendarFeed",
  method: "DELETE",
  path: "/calendar/feed",
  summary: "Turn off your calendar feed: its URL answers 404 from now on (nothing to turn off: also 204)",
  tags,
  successStatus: 204,
});

export const getCalendarFileOperation = defineOperation({
  id: "getCalendarFile",
  method: "GET",
  path: "/calendar/{token}.ics",
  summary: "A user's calendar feed (iCalendar): their open activities with a due time and their open deals' expected close dates",
  description:
    "No session needed: the secret token in the URL is the credential. Activities are timed events in UTC (30 minutes long); expected close dates are all-day events. Each item keeps its UID across fetches, so calendar apps update rather than duplicate it. An unknown, rotated or revoked token, or one of a deactivated user, answers 404.",
  tags,
  auth: "public",
  params: calendarFileParams,
  response: calendarFileOut,
  responseContentType: "text/calendar",
});

export const calendarOperations = [
  getCalendarFeedOperation,
  createCalendarFeedOperation,
  revokeCalendarFeedOperation,
  getCalendarFileOperation,
];
