import type { Server } from "node:http";
import stoppable from "stoppable";
import { closeDatabase } from "@/lib/db";
import { logger } from "@/lib/log";
import { endAllStreams, liveHub } from "@/lib/notifications";
import { markDraining } from "./lifecycle";

/** In-flight requests get this long to finish once a stop is asked for; then their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

export type StoppableServer = stoppable.StoppableServer;

/** Wraps the server so it can stop gracefully (stoppable tracks each connection's requests in flight). */
export function makeStoppable(server: Server, graceMs = SHUTDOWN_GRACE_MS): StoppableServer {
  return stoppable(server, graceMs);
}

/**
 * A clean stop: stop accepting connections and answer not-ready, end every notification stream (the clients
 * reconnect, to another instance), let requests in flight finish (up to the grace period, then cut), close
 * idle keep-alive connections, then the LISTEN connection and the database pool. Resolves with whether every
 * request finished in time. Calling it again returns the same stop.
 */
export function shutdownOnce(server: StoppableServer, closeApp: () => Promise<void>): () => Promise<boolean> {
  let stopping: Promise<boolean> | null = null;
  return () =>
    (stopping ??= (async () => {
      const started = Date.now();
      markDraining();
      const stopped = new Promise<boolean>((resolve) => server.stop((error, gracefully) => resolve(!error && gracefully)));
      // stoppable closes the listening socket on the next turn; the streams end after it, so clients reconnect elsewhere.
      while (server.listening) await new Promise((resolve) => setImmediate(resolve));
      endAllStreams();
      const gracefully = await stopped;
      await closeApp().catch((error: unknown) => logger.warn({ err: error }, "shutdown: closing the app failed"));
      await liveHub().close();
      await closeDatabase().catch((error: unknown) => logger.warn({ err: error }, "shutdown: closing the database pool failed"));
      logger.info({ ms: Date.now() - started, gracefully }, "shutdown: done");
      return gracefully;
    })());
}
