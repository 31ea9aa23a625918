import type { Clock } from "@/lib/clock";
import { deleteOldNotifications } from "@/lib/notifications";

export const CLEANUP_AFTER_DAYS = 90;

export type CleanupResult = { deleted: number; olderThanDays: number };

/** 1st of the month 02:00 UTC: soft-deletes read notifications older than 90 days (one UPDATE); unread ones stay. */
export async function cleanupOldNotifications(clock: Clock): Promise<CleanupResult> {
  return { deleted: await deleteOldNotifications(CLEANUP_AFTER_DAYS, clock), olderThanDays: CLEANUP_AFTER_DAYS };
}
