import { defineOperation } from "@/lib/http";
import { notificationPreferencesOut, updateNotificationPreferencesBody } from "./schemas";

export const getNotificationPreferencesOperation = defineOperation({
  id: "getNotificationPreferences",
  method: "GET",
  path: "/notification-preferences",
  summary: "How you get each category of notification: in the app, by email (instant, daily digest or off) and by push",
  tags: ["Notifications"],
  response: notificationPreferencesOut,
});

export const updateNotificationPreferencesOperation = defineOperation({
  id: "updateNotificationPreferences",
  method: "PUT",
  path: "/notification-preferences",
  summary: "Change the channels named for the categories named",
  description:
    "Critical notifications (flagged `critical`, and every ERROR) are shown in the app and emailed at once whatever the digest and " +
    "quiet-hour settings; email OFF still applies to them.",
  tags: ["Notifications"],
  body: updateNotificationPreferencesBody,
  response: notificationPreferencesOut,
});

export const notificationPreferenceOperations = [getNotificationPreferencesOperation, updateNotificationPreferencesOperation];
