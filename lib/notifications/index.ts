/** What the other modules, the scheduled checks and the edges use of the notifications module. */
export {
  createNotification,
  createNotificationRows,
  createNotifications,
  createNotificationsFrom,
  deleteNotification,
  deleteOldNotifications,
  getNotification,
  listNotificationPage,
  markAllNotificationsRead,
  markNotificationRead,
  markNotificationUnread,
  setNotificationRead,
  bulkUpdateNotifications,
  sendNotifications,
  unreadCount,
  updateEmailStatus,
  updateEmailStatuses,
  type EmailStatus,
  type NewNotification,
} from "./service";
export { notifyOpportunityAssigned, notifyOpportunityClosed, type OpportunityAssigned, type OpportunityClosed } from "./alerts";
export { notificationEventStream } from "./stream";
export { eventStreamResponse, type EventChannel } from "./event-stream";
export { clipTitle, TITLE_MAX } from "./rules";
export { clipTitleSql } from "./rules-sql";
export { serializeNotification, type NotificationRow } from "./serialize";
export * from "./schemas";
export * from "./operations";
export { liveHub } from "./live";
export { endAllStreams } from "./open-streams";
export { publishBoardChange, type BoardChange } from "./board-events";
