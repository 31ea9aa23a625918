import type { Notification } from "@/lib/generated/prisma/client";
import type { NotificationOut } from "./schemas";

export type NotificationRow = Omit<
  Notification,
  "dedupeKey" | "isDeleted" | "deletedAt" | "emailRequested" | "emailAttempts" | "emailNextAttemptAt" | "seq" | "inApp" | "emailDigestId"
>;

export const notificationSelect = {
  id: true,
  tenantId: true,
  userId: true,
  title: true,
  message: true,
  type: true,
  category: true,
  critical: true,
  actionUrl: true,
  actionLabel: true,
  isRead: true,
  readAt: true,
  emailSent: true,
  emailSentAt: true,
  emailError: true,
  relatedEntityType: true,
  relatedEntityId: true,
  createdAt: true,
  updatedAt: true,
} as const;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function serializeNotification(row: NotificationRow): NotificationOut {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    user_id: row.userId,
    title: row.title,
    message: row.message,
    type: row.type,
    category: row.category,
    critical: row.critical,
    action_url: row.actionUrl,
    action_label: row.actionLabel,
    is_read: row.isRead,
    read_at: iso(row.readAt),
    email_sent: row.emailSent,
    email_sent_at: iso(row.emailSentAt),
    email_error: row.emailError,
    related_entity_type: row.relatedEntityType,
    related_entity_id: row.relatedEntityId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
