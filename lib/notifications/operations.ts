import { MANAGER_ROLES } from "@/lib/auth/scope";
import { defineOperation } from "@/lib/http/operation";
import {
  createdNotificationsOut,
  createNotificationsBody,
  listNotificationsQuery,
  markAllReadOut,
  notificationIdParams,
  notificationListOut,
  notificationOut,
  notificationStreamOut,
  unreadCountOut,
} from "./schemas";

const tags = ["Notifications"];

export const listNotificationsOperation = defineOperation({
  id: "listNotifications",
  method: "GET",
  path: "/notifications",
  summary: "List your notifications, newest first, with your unread count",
  tags,
  query: listNotificationsQuery,
  response: notificationListOut,
});

export const createNotificationsOperation = defineOperation({
  id: "createNotifications",
  method: "POST",
  path: "/notifications",
  summary: "Send a notification to users of your company (admins and supervisors)",
  description:
    "Every recipient must be an active user of your company (otherwise 422 on `user_ids`); a recipient listed twice gets one notification. " +
    "`send_email` asks for the notification to be emailed as well.",
  tags,
  roles: MANAGER_ROLES,
  body: createNotificationsBody,
  response: createdNotificationsOut,
  successStatus: 201,
  errors: [403],
});

export const unreadCountOperation = defineOperation({
  id: "getUnreadNotificationCount",
  method: "GET",
  path: "/notifications/unread-count",
  summary: "How many of your notifications are unread (for the bell badge)",
  tags,
  response: unreadCountOut,
});

export const getNotificationOperation = defineOperation({
  id: "getNotification",
  method: "GET",
  path: "/notifications/{id}",
  summary: "One of your notifications",
  tags,
  params: notificationIdParams,
  response: notificationOut,
  errors: [404],
});

export const markNotificationReadOperation = defineOperation({
  id: "markNotificationRead",
  method: "PATCH",
  path: "/notifications/{id}/read",
  summary: "Mark one of your notifications as read (idempotent: the first read time stays)",
  tags,
  params: notificationIdParams,
  response: notificationOut,
  errors: [404],
});

export const markAllNotificationsReadOperation = defineOperation({
  id: "markAllNotificationsRead",
  method: "POST",
  path: "/notifications/mark-all-read",
  summary: "Mark all your unread notifications as read",
  tags,
  response: markAllReadOut,
});

export const deleteNotificationOperation = defineOperation({
  id: "deleteNotification",
  method: "DELETE",
  path: "/notifications/{id}",
  summary: "Delete one of your notifications (soft delete)",
  tags,
  params: notificationIdParams,
  successStatus: 204,
  errors: [404],
});

export const streamNotificationsOperation = defineOperation({
  id: "streamNotifications",
  method: "GET",
  path: "/notifications/stream",
  summary: "Live notification events (Server-Sent Events)",
  description:
    "Sends `unread_count` on connect and whenever your unread count changes, and `notification` (a Notification) for each new " +
    "notification of yours, from any app instance. A comment line every 25 s keeps the connection open; `retry:` sets the reconnect delay.",
  tags,
  response: notificationStreamOut,
  responseContentType: "text/event-stream",
});

export const notificationOperations = [
  listNotificationsOperation,
  createNotificationsOperation,
  unreadCountOperation,
  getNotificationOperation,
  markNotificationReadOperation,
  markAllNotificationsReadOperation,
  deleteNotificationOperation,
  streamNotificationsOperation,
];
