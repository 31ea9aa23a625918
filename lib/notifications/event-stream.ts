import { logger } from "@/lib/log";
import { trackStream } from "./open-streams";

/** Asks the browser to wait this long before reconnecting a dropped stream. */
export const RETRY_MS = 5_000;
export const HEARTBEAT_MS = 25_000;

/** What a stream's producer uses: write events, run cleanups when the stream stops, stop it. */
export type EventChannel = {
  event: (name: string, data: unknown, id?: bigint) => void;
  /** Runs `cleanup` when the stream stops (at once if it already has). */
  onStop: (cleanup: () => void) => void;
  stop: () => void;
  isClosed: () => boolean;
};

/**
 * A Server-Sent Events response: `retry:` first, a comment line as heartbeat, and one stop for every way a stream
 * ends — the client leaves (`signal`), the consumer cancels, a write fails, the producer stops it, or the server
 * shuts down (every stream is tracked, so a SIGTERM ends it and its client reconnects to another instance). A
 * producer that fails to start is logged under `name` and its stream ends.
 */
export function eventStreamResponse(
  { name, userId, signal, heartbeatMs = HEARTBEAT_MS }: { name: string; userId: string; signal: AbortSignal; heartbeatMs?: number },
  produce: (channel: EventChannel) => Promise<void>,
): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const cleanups: (() => void)[] = [];
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
        for (const cleanup of cleanups.splice(0)) cleanup();
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      const channel: EventChannel = {
        event: (name, data, id) => write(`${id === undefined ? "" : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
        onStop: (cleanup) => (closed ? cleanup() : void cleanups.push(cleanup)),
        stop: () => stop(),
        isClosed: () => closed || signal.aborted,
      };
      signal.addEventListener("abort", stop, { once: true });
      channel.onStop(trackStream(() => stop()));
      write(`retry: ${RETRY_MS}\n\n`);
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), heartbeatMs);
      channel.onStop(() => clearInterval(heartbeat));
      try {
        await produce(channel);
      } catch (error) {
        logger.warn({ err: error, userId }, `${name}: stream could not start`);
        stop();
      }
      if (channel.isClosed()) stop();
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
