import { apiRoute } from "@/lib/http";
import { bulkNotificationsOperation, bulkUpdateNotifications } from "@/lib/notifications";

export const POST = apiRoute(bulkNotificationsOperation, async ({ scope, body }) => bulkUpdateNotifications(scope, body));
