import { apiRoute } from "@/lib/http";
import { unreadCount, unreadCountOperation } from "@/lib/notifications";

export const GET = apiRoute(unreadCountOperation, async ({ scope }) => unreadCount(scope));
