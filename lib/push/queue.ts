import type { Tx } from "@/lib/db";
import { pushSchedule } from "@/lib/notification-preferences";
import { vapidConfig } from "./config";
import { sendPushSoon } from "./relay";
import { insertPushes, pushCandidates } from "./repository";

/**
 * Queues the push of new notifications to every browser of their recipients, each due now or when the recipient's
 * quiet hours end (critical ones at once); none for a category whose push channel is off, none when push is not set
 * up. Recipients without a subscribed browser cost one query. In `tx` the queue commits with the notifications;
 * without, sending starts at once. Returns how many pushes were queued.
 */
export async function queuePush(notificationIds: string[], tx?: Tx): Promise<number> {
  if (notificationIds.length === 0 || !vapidConfig()) return 0;
  const candidates = await pushCandidates(notificationIds, tx);
  if (candidates.length === 0) return 0;
  const now = new Date(Math.max(...candidates.map((row) => row.createdAt.getTime())));
  const schedule = await pushSchedule(candidates, now);
  const due = [...schedule].map(([notificationId, dueAt]) => ({ notificationId, dueAt }));
  const queued = await insertPushes(due, now, tx);
  if (queued > 0 && !tx) sendPushSoon();
  return queued;
}
