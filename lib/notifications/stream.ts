import type { Scope } from "@/lib/auth/scope";
import { logger } from "@/lib/log";
import { liveHub, type LiveListener } from "./live";
import { trackStream } from "./open-streams";
import { countUnread, findNotification } from "./repository";
import { serializeNotification } from "./serialize";

export const HEARTBEAT_MS = 25_000;
/** Asks the browser to wait this long before reconnecting a dropped stream. */
export const RETRY_MS = 5_000;

export type StreamOptions = { heartbeatMs?: number };

/**
 * The caller's notification events as Server-Sent Events: `unread_count` at once and whenever the count
 * changes, `notification` for each new notification; a comment line as heartbeat. Ends when `signal` aborts.
 */
export function notificationEventStream(scope: Scope, signal: AbortSignal, options: StreamOptions = {}): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let lastCount: number | null = null;
      let unsubscribe = () => {};
      let stopHeartbeat = () => {};
      let untrack = () => {};
      let work = Promise.resolve();

      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const event = (name: string, data: unknown) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      const sendCount = async () => {
        const count = await countUnread(scope);
        if (count === lastCount) return;
        lastCount = count;
        event("unread_count", { unread_count: count });
      };
      const enqueueWork = (job: () => Promise<void>) => {
        work = work
          .then(async () => {
            if (!closed) await job();
          })
          .catch((error) => logger.warn({ err: error, userId: scope.userId }, "notifications: stream update failed"));
      };
      const onEvent: LiveListener = (change) =>
        enqueueWork(async () => {
          if (change.kind === "created") {
            for (const id of change.notificationIds) {
              const row = await findNotification(scope, id);
              if (row) event("notification", serializeNotification(row));
            }
          }
          await sendCount();
        });

      stop = () => {
        if (closed) return;
        closed = true;
        stopHeartbeat();
        untrack();
        unsubscribe();
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      signal.addEventListener("abort", stop, { once: true });
      untrack = trackStream(() => stop());

      write(`retry: ${RETRY_MS}\n\n`);
      unsubscribe = await liveHub().subscribe(scope.userId, onEvent);
      if (closed || signal.aborted) {
        unsubscribe();
        stop();
        return;
      }
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), options.heartbeatMs ?? HEARTBEAT_MS);
      stopHeartbeat = () => clearInterval(heartbeat);
      enqueueWork(sendCount);
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
