import { apiRoute } from "@/lib/http";
import { notificationEventStream, streamNotificationsOperation } from "@/lib/notifications";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute(streamNotificationsOperation, async ({ scope, request }) =>
  notificationEventStream(scope, request.signal, { lastEventId: request.headers.get("last-event-id") }),
);
