import type { Scope } from "@/lib/scope";
import { logger } from "@/lib/log";
import { liveHub, type LiveListener } from "./live";
import { eventStreamResponse } from "./event-stream";
import { countUnread, lastStreamSeq, notificationsAfter } from "./repository";
import { serializeNotification } from "./serialize";
import { resumePoint } from "./stream-ids";

/** Missed notifications sent one by one at most; past this a stream sends one `refetch` instead. */
export const REPLAY_LIMIT = 100;

export type StreamOptions = {
  heartbeatMs?: number;
  /** The Last-Event-ID request header: the stream id of the last `notification` the client received. */
  lastEventId?: string | null;
  replayLimit?: number;
};

/**
 * The caller's notification events as Server-Sent Events: `unread_count` at once and whenever the count changes,
 * `notification` with `id: <seq>` for each new notification in stream order, `refetch` when more than the replay
 * limit were missed; a comment line as heartbeat. Ends when `signal` aborts.
 *
 * A NOTIFY only wakes the stream up: it then sends the user's live notifications numbered after the last one it
 * sent. Since one user's numbers follow the order their rows become visible (see numberedInsert), that catches up
 * whatever a dropped LISTEN connection, a restarted instance or a reconnecting client missed, once and in order.
 */
export function notificationEventStream(scope: Scope, signal: AbortSignal, options: StreamOptions = {}): Response {
  const replayLimit = options.replayLimit ?? REPLAY_LIMIT;
  return eventStreamResponse(
    { name: "notifications", userId: scope.userId, signal, heartbeatMs: options.heartbeatMs },
    async ({ event, onStop, isClosed }) => {
      let lastCount: number | null = null;
      /** The stream id of the last notification sent (or skipped by `refetch`); null until the starting point is known. */
      let sentUpTo: bigint | null = null;
      const pending = { notifications: false, count: false };
      let syncing = false;

      const sendMissed = async (after: bigint) => {
        const rows = await notificationsAfter(scope, after, replayLimit + 1);
        if (rows.length > replayLimit) {
          const newest = await lastStreamSeq(scope.userId);
          sentUpTo = newest > after ? newest : after;
          event("refetch", { reason: "missed_too_many", replay_limit: replayLimit }, sentUpTo);
          return;
        }
        for (const row of rows) {
          event("notification", serializeNotification(row), row.seq);
          sentUpTo = row.seq;
        }
      };
      const sendCount = async () => {
        const count = await countUnread(scope);
        if (count === lastCount) return;
        lastCount = count;
        event("unread_count", { unread_count: count });
      };
      /** Asks for the count (and the missed notifications) to be sent; one run at a time, later asks coalesce. */
      const sync = async (notifications: boolean) => {
        pending.notifications ||= notifications;
        pending.count = true;
        if (syncing || sentUpTo === null) return;
        syncing = true;
        while (!isClosed() && (pending.notifications || pending.count)) {
          const wanted = { ...pending };
          pending.notifications = pending.count = false;
          try {
            if (wanted.notifications) await sendMissed(sentUpTo);
            await sendCount();
          } catch (error) {
            // Asked again by the next event of any kind (the starting point stays where it was).
            pending.notifications ||= wanted.notifications;
            logger.warn({ err: error, userId: scope.userId }, "notifications: stream update failed");
            break;
          }
        }
        syncing = false;
      };
      const onEvent: LiveListener = (change) => {
        void sync(change.kind === "created" || change.kind === "resync");
      };

      // Subscribed before the starting point is read: whatever commits after that read wakes the stream up.
      onStop(await liveHub().subscribe(scope.userId, onEvent));
      if (isClosed()) return;
      const start = await resumePoint(scope.userId, options.lastEventId);
      sentUpTo = start.after;
      void sync(start.replay);
    },
  );
}
