import { z } from "zod";
import { NotificationCategory, NotificationType } from "@/lib/generated/prisma/enums";
import { pageSchema, paginationQuery, queryBoolean } from "@/lib/http";

export const NOTIFICATION_TYPES = Object.values(NotificationType);
export const NOTIFICATION_CATEGORIES = Object.values(NotificationCategory);

export const notificationTypeSchema = z.enum(NotificationType).meta({ id: "NotificationType" });
export const notificationCategorySchema = z.enum(NotificationCategory).meta({ id: "NotificationCategory" });

export const MAX_RECIPIENTS = 1000;

/** A deep link: a path of this app ("/opportunities/…", never "//host") or an https URL. */
export const actionUrlSchema = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .refine((value) => isRelativePath(value) || isHttpsUrl(value), "must be a path starting with / or an https URL");

function isRelativePath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !value.includes("\\");
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

export const notificationIdParams = z.object({ id: z.uuid() });

export const listNotificationsQuery = paginationQuery.extend({
  is_read: queryBoolean.optional().meta({ description: "Only read (true) or only unread (false) notifications." }),
  type: notificationTypeSchema.optional(),
  category: notificationCategorySchema.optional(),
});

export const createNotificationsBody = z
  .object({
    user_ids: z
      .array(z.uuid({ message: "must be a user id (UUID)" }))
      .min(1, "must name at least one recipient")
      .max(MAX_RECIPIENTS, `must name at most ${MAX_RECIPIENTS} recipients`),
    title: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
    message: z.string().trim().min(1, "is required").max(10_000, "must be at most 10000 characters"),
    type: notificationTypeSchema,
    category: notificationCategorySchema,
    action_url: actionUrlSchema.optional(),
    action_label: z.string().trim().min(1, "must not be blank").max(100, "must be at most 100 characters").optional(),
    send_email: z.boolean().default(false),
    critical: z
      .boolean()
      .default(false)
      .meta({ description: "Shown and emailed at once, whatever each recipient's digest and quiet-hour settings." }),
  })
  .strict()
  .meta({
    id: "CreateNotificationsRequest",
    example: {
      user_ids: ["6f1c2b8e-4b8f-4a55-9f5e-0d6b2f7d9a10"],
      title: "Quarter-end review on Friday",
      message: "Please update every deal in NEGOTIATION before Friday's review.",
      type: "INFO",
      category: "GENERAL",
      action_url: "/pipeline",
      action_label: "Open pipeline",
      send_email: false,
      critical: false,
    },
  });

const notificationExample = {
  id: "0b8f3c1e-2f4a-4f7e-9a51-7c2d9e4b1a23",
  tenant_id: "9a4e1d2c-5b6f-4c3a-8e7d-1f2a3b4c5d6e",
  user_id: "6f1c2b8e-4b8f-4a55-9f5e-0d6b2f7d9a10",
  title: "New opportunity assigned: Enterprise Software License",
  message: 'Sam Supervisor assigned you the opportunity "Enterprise Software License".',
  type: "INFO",
  category: "OPPORTUNITY",
  critical: false,
  action_url: "/opportunities/3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98",
  action_label: "View opportunity",
  is_read: false,
  read_at: null,
  email_sent: false,
  email_sent_at: null,
  email_error: null,
  related_entity_type: "opportunity",
  related_entity_id: "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98",
  created_at: "2026-03-02T09:15:00.000Z",
  updated_at: "2026-03-02T09:15:00.000Z",
};

export const notificationOut = z
  .object({
    id: z.uuid(),
    tenant_id: z.uuid(),
    user_id: z.uuid(),
    title: z.string(),
    message: z.string(),
    type: notificationTypeSchema,
    category: notificationCategorySchema,
    critical: z.boolean().meta({ description: "Skips digests and quiet hours (every ERROR does too)." }),
    action_url: z.string().nullable(),
    action_label: z.string().nullable(),
    is_read: z.boolean(),
    read_at: z.iso.datetime().nullable(),
    email_sent: z.boolean(),
    email_sent_at: z.iso.datetime().nullable(),
    email_error: z.string().nullable(),
    related_entity_type: z.string().nullable(),
    related_entity_id: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Notification", example: notificationExample });

export const notificationListOut = pageSchema(notificationOut)
  .extend({ unread_count: z.number().int() })
  .meta({
    id: "NotificationList",
    example: { items: [notificationExample], total: 1, unread_count: 1, page: 1, page_size: 20, total_pages: 1 },
  });

export const unreadCountOut = z.object({ unread_count: z.number().int() }).meta({ id: "UnreadCount", example: { unread_count: 3 } });

export const markAllReadOut = z
  .object({ message: z.string(), count: z.number().int() })
  .meta({ id: "MarkAllReadResult", example: { message: "Marked 3 notifications as read", count: 3 } });

export const createdNotificationsOut = z
  .object({ created: z.number().int() })
  .meta({ id: "CreatedNotifications", example: { created: 1 } });

export const notificationStreamOut = z.string().meta({
  id: "NotificationEventStream",
  description:
    'Server-Sent Events. `unread_count` (data `{"unread_count":n}`) on connect and whenever the count changes; ' +
    "`notification` (`id:` its stream id, data: a Notification) for each new notification, in stream order; `refetch` " +
    "(`id:` your newest stream id) when more notifications were missed than a reconnect replays; a comment line every 25 s " +
    "keeps the connection alive.",
  example: 'retry: 5000\n\nevent: unread_count\ndata: {"unread_count":3}\n\nid: 42\nevent: notification\ndata: {"id":"…","title":"…"}\n\n',
});

export const BULK_NOTIFICATION_ACTIONS = ["read", "unread", "delete"] as const;
export const MAX_BULK_NOTIFICATIONS = 500;

export const bulkNotificationsBody = z
  .object({
    ids: z
      .array(z.uuid({ message: "must be a notification id (UUID)" }))
      .min(1, "must name at least one notification")
      .max(MAX_BULK_NOTIFICATIONS, `must name at most ${MAX_BULK_NOTIFICATIONS} notifications`),
    action: z
      .enum(BULK_NOTIFICATION_ACTIONS, { message: `must be one of ${BULK_NOTIFICATION_ACTIONS.join(", ")}` })
      .meta({ description: "read / unread: mark them so; delete: remove them (soft delete)." }),
  })
  .strict()
  .meta({ id: "BulkNotificationsRequest", example: { ids: ["0b8f3c1e-2f4a-4f7e-9a51-7c2d9e4b1a23"], action: "read" } });

export const bulkNotificationsOut = z
  .object({
    action: z.enum(BULK_NOTIFICATION_ACTIONS),
    changed: z.number().int().meta({ description: "How many of your notifications the action changed (already so: unchanged)." }),
    not_found: z.array(z.uuid()).meta({ description: "Ids that are not notifications of yours (or already deleted): left alone." }),
    unread_count: z.number().int().meta({ description: "Your unread count afterwards." }),
  })
  .meta({ id: "BulkNotificationsResult", example: { action: "read", changed: 1, not_found: [], unread_count: 2 } });

export const updateNotificationBody = z
  .object({ read: z.boolean().meta({ description: "true marks it read (the first read time stays); false marks it unread again." }) })
  .strict()
  .meta({ id: "UpdateNotificationRequest", example: { read: false } });

export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;
export type CreateNotificationsBody = z.output<typeof createNotificationsBody>;
export type NotificationOut = z.infer<typeof notificationOut>;
export type NotificationListOut = z.infer<typeof notificationListOut>;
export type BulkNotificationsBody = z.output<typeof bulkNotificationsBody>;
export type BulkNotificationsOut = z.infer<typeof bulkNotificationsOut>;
export type BulkNotificationAction = (typeof BULK_NOTIFICATION_ACTIONS)[number];
