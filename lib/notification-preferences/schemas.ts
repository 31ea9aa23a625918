import { z } from "zod";
import { EmailMode, NotificationCategory } from "@/lib/generated/prisma/enums";

// Not lib/notifications' schema: lib/email (which lib/notifications reaches) imports this module.
const notificationCategorySchema = z.enum(NotificationCategory);

export const emailModeSchema = z
  .enum(EmailMode)
  .meta({ id: "EmailMode", description: "INSTANT: each notification is emailed; DAILY_DIGEST: one email a day at 08:00 local time; OFF." });

const channelSettingOut = z.object({
  category: notificationCategorySchema,
  in_app: z.boolean().meta({ description: "Shown in the notification center and the bell." }),
  email: emailModeSchema,
  push: z.boolean().meta({ description: "Sent to the browsers where you turned on desktop notifications." }),
});

export const notificationPreferencesOut = z.object({ preferences: z.array(channelSettingOut) }).meta({
  id: "NotificationPreferences",
  example: {
    preferences: [
      { category: "OPPORTUNITY", in_app: true, email: "INSTANT", push: true },
      { category: "QUOTE", in_app: true, email: "DAILY_DIGEST", push: false },
    ],
  },
});

const channelChange = z
  .object({
    category: notificationCategorySchema,
    in_app: z.boolean().optional(),
    email: emailModeSchema.optional(),
    push: z.boolean().optional(),
  })
  .strict();

export const updateNotificationPreferencesBody = z
  .object({
    preferences: z
      .array(channelChange)
      .min(1, "must name at least one category")
      .max(20, "must name at most 20 categories")
      .refine((list) => new Set(list.map((s) => s.category)).size === list.length, "must name each category at most once"),
  })
  .strict()
  .meta({
    id: "UpdateNotificationPreferencesRequest",
    description: "Only the channels named change; every other channel and category keeps its setting.",
    example: { preferences: [{ category: "QUOTE", email: "DAILY_DIGEST", push: false }] },
  });

export type NotificationPreferencesOut = z.infer<typeof notificationPreferencesOut>;
export type UpdateNotificationPreferencesBody = z.output<typeof updateNotificationPreferencesBody>;
