import { apiRoute } from "@/lib/http";
import { markAllNotificationsRead, markAllNotificationsReadOperation } from "@/lib/notifications";

export const POST = apiRoute(markAllNotificationsReadOperation, async ({ scope }) => markAllNotificationsRead(scope));
