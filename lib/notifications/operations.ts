import { MANAGER_ROLES } from "@/lib/scope";
import { defineOperation } from "@/lib/http";
import {
  bulkNotificationsBody,
  bulkNotificationsOut,
  createdNotificationsOut,
  createNotificationsBody,
  listNotificationsQuery,
  markAllReadOut,
  notificationIdParams,
  notificationListOut,
  notificationOut,
  notificationStreamOut,
  unreadCountOut,
  updateNotificationBody,
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

export const updateNotificationOperation = defineOperation({
  id: "updateNotification",
  method: "PATCH",
  path: "/notifications/{id}",
  summary: "Mark one of your notifications read or unread",
  tags,
  params: notificationIdParams,
  body: updateNotificationBody,
  response: notificationOut,
  errors: [404],
});

export const bulkNotificationsOperation = defineOperation({
  id: "bulkUpdateNotifications",
  method: "POST",
  path: "/notifications/bulk",
  summary: "Mark many of your notifications read or unread, or delete them, at once",
  description:
    "Ids that are not notifications of yours are left alone and listed in `not_found`; 404 when none of the ids is yours. " +
    "The live stream sends your new unread count.",
  tags,
  body: bulkNotificationsBody,
  response: bulkNotificationsOut,
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
    "notification of yours, from any app instance. A comment line every 25 s keeps the connection open; `retry:` sets the reconnect delay.\n\n" +
    "**Event ids and resuming.** Each `notification` event carries an `id:`, its stream id: your notifications are numbered " +
    "1, 2, 3… in the order they became visible, so a later notification always has a larger id (numbers may be skipped). " +
    "Reconnect with the `Last-Event-ID` request header set to the last id you received (browsers' EventSource does this by " +
    "itself) and the stream first sends, in order and once each, your notifications created since (deleted ones are skipped), " +
    "then goes on live. More than 100 missed notifications are not replayed: one `refetch` event " +
    '(data `{"reason":"missed_too_many","replay_limit":100}`) whose `id:` is your newest stream id tells you to reload your ' +
    "notifications and unread count, and the stream goes on from there. Without `Last-Event-ID`, or with one that is not " +
    "an id of your stream (malformed, or larger than your newest), the stream starts from now. `unread_count` events carry no id.",
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
  updateNotificationOperation,
  bulkNotificationsOperation,
  markAllNotificationsReadOperation,
  deleteNotificationOperation,
  streamNotificationsOperation,
];
