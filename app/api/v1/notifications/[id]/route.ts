import { apiRoute } from "@/lib/http";
import { deleteNotification, deleteNotificationOperation, getNotification, getNotificationOperation } from "@/lib/notifications";

export const GET = apiRoute(getNotificationOperation, async ({ scope, params }) => getNotification(scope, params.id));

export const DELETE = apiRoute(deleteNotificationOperation, async ({ scope, params }) => deleteNotification(scope, params.id));
