import type { NotificationCategory, NotificationType } from "@/lib/generated/prisma/enums";

/** What the service worker receives (public/sw.js shows it and opens `url` on a click). */
export type PushMessage = { id: string; title: string; body: string; url: string; category: NotificationCategory };

/** Push services take at most 4 KB encrypted: the text is clipped well below that. */
const MAX_BODY = 1_000;
const FALLBACK_URL = "/notifications";

export type PushedNotification = {
  id: string;
  title: string;
  message: string;
  actionUrl: string | null;
  category: NotificationCategory;
  type: NotificationType;
  critical: boolean;
};

/**
 * A notification as a push message: its title, text (clipped) and link (an app path or https URL, as validated when
 * it was created; the notification center when it has none).
 */
export function pushMessage(notification: PushedNotification): PushMessage {
  const body = notification.message.length > MAX_BODY ? `${notification.message.slice(0, MAX_BODY - 1)}…` : notification.message;
  return {
    id: notification.id,
    title: notification.title,
    body,
    url: notification.actionUrl ?? FALLBACK_URL,
    category: notification.category,
  };
}
