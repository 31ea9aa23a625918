import type { NotificationCategory, NotificationType } from "@/lib/generated/prisma/enums";
import { DEFAULT_CHANNELS, type ChannelSetting } from "./repository";
import { isCritical, sendableAt, type UserTime } from "./rules";

/** What a delivery decision needs of a notification. */
export type DeliveryFacts = { category: NotificationCategory; type: NotificationType; critical: boolean };

/** What a delivery decision needs of its recipient. */
export type RecipientSettings = { time: UserTime; channels: Map<NotificationCategory, ChannelSetting> };

export type EmailDecision = { kind: "send" } | { kind: "off" } | { kind: "digest" } | { kind: "wait"; until: Date };

export function channelsFor(settings: RecipientSettings | undefined, category: NotificationCategory): ChannelSetting {
  return settings?.channels.get(category) ?? DEFAULT_CHANNELS;
}

/**
 * Whether a notification's email goes now, waits for the end of quiet hours, waits for the daily digest, or is not
 * sent (email off for its category). Critical notifications skip digests and quiet hours, never an "off".
 */
export function decideEmail(notification: DeliveryFacts, settings: RecipientSettings | undefined, now: Date): EmailDecision {
  const mode = channelsFor(settings, notification.category).email;
  if (mode === "OFF") return { kind: "off" };
  const critical = isCritical(notification);
  if (mode === "DAILY_DIGEST" && !critical) return { kind: "digest" };
  const at = settings ? sendableAt(now, settings.time, critical) : now;
  return at.getTime() > now.getTime() ? { kind: "wait", until: at } : { kind: "send" };
}

/** When a notification's push may be sent (now, or when quiet hours end), or null when push is off for it. */
export function decidePush(notification: DeliveryFacts, settings: RecipientSettings | undefined, now: Date): Date | null {
  if (!channelsFor(settings, notification.category).push) return null;
  return settings ? sendableAt(now, settings.time, isCritical(notification)) : now;
}
