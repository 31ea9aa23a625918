import { apiRoute } from "@/lib/http";
import {
  deleteNotification,
  deleteNotificationOperation,
  getNotification,
  getNotificationOperation,
  setNotificationRead,
  updateNotificationOperation,
} from "@/lib/notifications";

export const GET = apiRoute(getNotificationOperation, async ({ scope, params }) => getNotification(scope, params.id));

export const PATCH = apiRoute(updateNotificationOperation, async ({ scope, params, body }) =>
  setNotificationRead(scope, params.id, body.read),
);

export const DELETE = apiRoute(deleteNotificationOperation, async ({ scope, params }) => deleteNotification(scope, params.id));
