import { eventType } from "inngest";
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a YYYY-MM-DD date");

/** One notification to email; sent once per notification created with an email requested. */
export const notificationEmailRequested = eventType("app/notification.email.requested", {
  schema: z.object({ notificationId: z.uuid() }),
});

/** The weekly summary of one user for the week starting on `weekStart` (a Monday). */
export const weeklySummaryRequested = eventType("app/weekly-summary.requested", {
  schema: z.object({ userId: z.uuid(), weekStart: isoDate }),
});
