import { logger } from "@/lib/log";
import { liveHub, type BoardChange } from "@/lib/notifications";
import { seesWholeTenant, type Scope } from "@/lib/scope";

export const BOARD_HEARTBEAT_MS = 25_000;
const RETRY_MS = 5_000;

/** Whether this viewer's board shows the deal (before or after the change): managers all, reps their own. */
export function boardChangeVisible(scope: Scope, change: BoardChange): boolean {
  return change.tenantId === scope.tenantId && (seesWholeTenant(scope) || change.ownerIds.includes(scope.userId));
}

/** The caller's board changes as Server-Sent Events, until `signal` aborts. */
export function boardEventStream(scope: Scope, signal: AbortSignal, heartbeatMs = BOARD_HEARTBEAT_MS): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let unsubscribe = () => {};
      let stopHeartbeat = () => {};
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      stop = () => {
        if (closed) return;
        closed = true;
        stopHeartbeat();
        unsubscribe();
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      signal.addEventListener("abort", stop, { once: true });
      write(`retry: ${RETRY_MS}\n\n`);
      try {
        unsubscribe = await liveHub().subscribeBoard(scope.tenantId, (event) => {
          if (event.kind === "resync") return write("event: refetch\ndata: {}\n\n");
          if (!boardChangeVisible(scope, event.change)) return;
          const { opportunityId, stages, actorId } = event.change;
          write(`event: change\ndata: ${JSON.stringify({ opportunity_id: opportunityId, stages, actor_id: actorId })}\n\n`);
        });
      } catch (error) {
        logger.warn({ err: error, userId: scope.userId }, "board: stream could not start");
        stop();
        return;
      }
      if (closed || signal.aborted) return stop();
      // Changes committed from here on reach this stream: `ready` says so.
      write("event: ready\ndata: {}\n\n");
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), heartbeatMs);
      stopHeartbeat = () => clearInterval(heartbeat);
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
