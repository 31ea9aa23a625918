import { apiRoute } from "@/lib/http";
import { markNotificationRead, markNotificationReadOperation } from "@/lib/notifications";

export const PATCH = apiRoute(markNotificationReadOperation, async ({ scope, params }) => markNotificationRead(scope, params.id));
