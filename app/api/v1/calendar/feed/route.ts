import {
  createCalendarFeedOperation,
  getCalendarFeed,
  getCalendarFeedOperation,
  issueCalendarFeed,
  revokeCalendarFeed,
  revokeCalendarFeedOperation,
} from "@/lib/calendar";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute(getCalendarFeedOperation, ({ scope }) => getCalendarFeed(scope));

export const POST = apiRoute(createCalendarFeedOperation, ({ scope, request }) => issueCalendarFeed(scope, new URL(request.url).origin));

export const DELETE = apiRoute(revokeCalendarFeedOperation, ({ scope }) => revokeCalendarFeed(scope));
