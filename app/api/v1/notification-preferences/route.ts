import { apiRoute } from "@/lib/http";
import {
  getNotificationPreferences,
  getNotificationPreferencesOperation,
  updateNotificationPreferences,
  updateNotificationPreferencesOperation,
} from "@/lib/notification-preferences";

export const GET = apiRoute(getNotificationPreferencesOperation, ({ scope }) => getNotificationPreferences(scope));

export const PUT = apiRoute(updateNotificationPreferencesOperation, ({ scope, body }) => updateNotificationPreferences(scope, body));
