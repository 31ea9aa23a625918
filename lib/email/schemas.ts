import { z } from "zod";
import { notificationCategorySchema } from "@/lib/notifications";

export const unsubscribeQuery = z.object({
  token: z
    .string()
    .max(500, "must be at most 500 characters")
    .default("")
    .meta({ description: "The signed token of the email's unsubscribe link." }),
});

export const unsubscribeOut = z
  .object({ unsubscribed: z.literal(true), category: notificationCategorySchema })
  .meta({ id: "UnsubscribeResult", example: { unsubscribed: true, category: "QUOTE" } });

const categorySetting = z.object({ category: notificationCategorySchema, enabled: z.boolean() });

export const emailPreferencesOut = z.object({ preferences: z.array(categorySetting) }).meta({
  id: "EmailPreferences",
  example: {
    preferences: [
      { category: "SYSTEM", enabled: true },
      { category: "QUOTE", enabled: false },
      { category: "OPPORTUNITY", enabled: true },
      { category: "MAINTENANCE", enabled: true },
      { category: "PAYMENT", enabled: true },
      { category: "CLIENT", enabled: true },
      { category: "GENERAL", enabled: true },
    ],
  },
});

export const updateEmailPreferencesBody = z
  .object({
    preferences: z
      .array(categorySetting.strict())
      .min(1, "must name at least one category")
      .max(20, "must name at most 20 categories")
      .refine((list) => new Set(list.map((s) => s.category)).size === list.length, "must name each category at most once"),
  })
  .strict()
  .meta({ id: "UpdateEmailPreferencesRequest", example: { preferences: [{ category: "QUOTE", enabled: false }] } });

export type UnsubscribeOut = z.infer<typeof unsubscribeOut>;
export type EmailPreferencesOut = z.infer<typeof emailPreferencesOut>;
export type UpdateEmailPreferencesBody = z.output<typeof updateEmailPreferencesBody>;
