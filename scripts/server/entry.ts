/**
 * Where `npm run build` puts the production server (server.ts bundled, see scripts/server/build.ts) and how to run
 * it: `npm start`, the end-to-end tests and the benchmark all start this file with plain Node — no TypeScript
 * loader and no esbuild service beside the server at run time.
 */
import path from "node:path";

/** Relative to the app's folder; `npm start` (package.json) names the default one. */
export const SERVER_BUNDLE = path.join(process.env.NEXT_DIST_DIR || ".next", "onquota-server", "server.mjs");

/**
 * Node's flags for the server (package.json's `start` repeats them): a young generation of 2 × 8 MB instead of
 * 2 × 16 MB (a request's garbage dies young either way) and an old generation grown by 30 % at most between
 * collections instead of up to fourfold — the peak under the benchmark's load 540–640 → about 250 MB at the same
 * speed (docs/performance.md). No hard cap: a large import must not crash the server.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=8", "--heap-growing-percent=30"];

/** The command line of the production server listening on `port` (on `hostname` when given), after `node`. */
export function serverCommand(port: number, hostname?: string): string[] {
  return [...SERVER_NODE_FLAGS, SERVER_BUNDLE, "-p", String(port), ...(hostname ? ["-H", hostname] : [])];
}
