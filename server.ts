/**
 * The production server: serves the build in .next (or NEXT_DIST_DIR) with Next's request handler behind our edge
 * (lib/server): client addresses from the socket and TRUSTED_PROXIES only, body limits while reading, HSTS over
 * https, a clean stop on SIGTERM/SIGINT. `npm run build` bundles it (scripts/server/build.ts) and `npm start` runs
 * the bundle with plain Node and SERVER_NODE_FLAGS (scripts/server/entry.ts) through the database launcher:
 * `node <flags> .next/onquota-server/server.mjs [-p <port>] [-H <hostname>]` (`node --import tsx server.ts` runs the
 * source). The port defaults to PORT, else 3000.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

// Before Next and React load: they pick their production builds from it.
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${values.port ?? process.env.PORT}`);

// What `next start` loads before anything else (AsyncLocalStorage on globalThis, …): the edge's own imports reach
// next/server (lib/http, lib/notifications), which must not load first, or requests fail on a stand-in storage.
await import("next/dist/server/node-environment.js");
const { startServer } = await import("./lib/server/start");
await startServer({ port, hostname: values.hostname, dir: appDir(path.dirname(fileURLToPath(import.meta.url))) });

/** The app's folder (where Next finds its config): this file's, or above it for the bundle inside the build. */
function appDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "next.config.mjs"))) return dir;
    if (dir === path.dirname(dir)) return from;
  }
}
