import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { logger } from "@/lib/log";
import { startPushRelay } from "@/lib/push";
import { startWebhookRelay } from "@/lib/webhooks";
import { trustedProxies } from "./client-address";
import { edgeListener } from "./edge";
import { makeStoppable, SHUTDOWN_GRACE_MS, shutdownOnce } from "./shutdown";

export type StartOptions = { port: number; hostname?: string; dir: string };

/** The URL Next uses to call itself (a server action's redirect renders its target through it), as `next start` sets it. */
function selfOrigin(hostname: string | undefined, port: number): string {
  const host = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/**
 * Serves the built app (`next build`) with Next's own request handler behind the edge, and stops cleanly on
 * SIGTERM or SIGINT (exit code 0).
 */
export async function startServer({ port, hostname, dir }: StartOptions): Promise<http.Server> {
  const trust = trustedProxies(process.env.TRUSTED_PROXIES);
  const app = next({ dev: false, dir, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = makeStoppable(http.createServer(edgeListener(handle, trust)));
  process.env.__NEXT_PRIVATE_ORIGIN = selfOrigin(hostname, port);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  const { address, port: bound } = server.address() as AddressInfo;
  logger.info({ address, port: bound, trustedProxies: process.env.TRUSTED_PROXIES || "none" }, "server: listening");

  // Delivers the webhook outbox from this process too (other instances share the work; see lib/webhooks/relay.ts).
  const stopWebhookRelay = startWebhookRelay();
  // Sends due push notifications from this process too (see lib/push/relay.ts).
  const stopPushRelay = startPushRelay();
  const shutdown = shutdownOnce(server, async () => {
    await Promise.all([app.close(), stopWebhookRelay(), stopPushRelay()]);
  });
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "server: stopping");
    // Whatever hangs after the grace period (a pool that does not close) must not keep the process alive.
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 5_000).unref();
    void shutdown().then(() => process.exit(0));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return server;
}
