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
export { decideEmail, decidePush, type EmailDecision, type DeliveryFacts, type RecipientSettings } from "./decide";
export { deliverySettings, toUserTime, DEFAULT_CHANNELS, type ChannelSetting } from "./repository";
export * from "./rules";
