import { apiRoute } from "@/lib/http/api-route";
import { createNotificationsOperation, listNotificationsOperation, listNotificationPage, sendNotifications } from "@/lib/notifications";

export const GET = apiRoute(listNotificationsOperation, async ({ scope, query }) => listNotificationPage(scope, query));

export const POST = apiRoute(createNotificationsOperation, async ({ scope, body }) => ({ created: (await sendNotifications(scope, body)).created }));
