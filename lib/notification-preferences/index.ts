/** Who gets which notification on which channel, and when: the preferences matrix, quiet hours, time zones. */
export {
  getNotificationPreferencesOperation,
  notificationPreferenceOperations,
  updateNotificationPreferencesOperation,
} from "./operations";
export * from "./schemas";
export {
  CATEGORIES,
  changeChannels,
  channelMatrix,
  emailDecisions,
  getNotificationPreferences,
  pushSchedule,
  updateNotificationPreferences,
  type CategoryChannels,
  type Deliverable,
} from "./service";
export type { EmailDecision } from "./decide";
export { toUserTime } from "./repository";
export { digestDue, formatClockTime, isCritical, isTimeZone, parseClockTime, type QuietHours, type UserTime } from "./rules";
export { criticalSql, waitsForDigestSql } from "./rules-sql";
