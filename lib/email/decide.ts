import type { NotificationToEmail } from "./repository";

/** Whether a notification's email goes out now, not at all, or later (then it is tried again at `until`). */
export type EmailDecision = { action: "send" } | { action: "skip" } | { action: "defer"; until: Date };

/**
 * The one per-notification decision made before emails are grouped into batches: deleted notifications, inactive
 * recipients and categories the recipient turned off are skipped; everything else is sent now.
 */
export function emailDecision(row: NotificationToEmail, _now: Date): EmailDecision {
  const optedOut = row.user.emailPreferences.some((preference) => preference.category === row.category);
  if (row.isDeleted || !row.user.isActive || optedOut) return { action: "skip" };
  return { action: "send" };
}
