import { apiRoute } from "@/lib/http/api-route";
import { markNotificationRead, markNotificationReadOperation } from "@/lib/notifications";

export const PATCH = apiRoute(markNotificationReadOperation, async ({ scope, params }) => markNotificationRead(scope, params.id));
