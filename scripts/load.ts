/**
 * `npm run load [-- --connections 200 --seconds 60]`: the load test of issue #9. On the benchmark's data set
 * (scripts/perf/bench-database.ts) and a `next start` server, holds the connections open against the board, the
 * opportunities list and the unread count at once (split evenly between them) and prints each route's throughput
 * and latency percentiles and every failure (non-2xx, socket errors, timeouts). Exit code 1 when anything failed.
 */
import { Flags } from "./perf/args";
import { issueBenchTokens, prepareBenchDatabase } from "./perf/bench-database";
import { failuresOf, loadRoutesTogether, type HttpLoad } from "./perf/http-load";
import { startNextServer } from "./perf/next-server";
import { LATENCY_HEADER, latencyCells, table } from "./perf/stats";

const flags = new Flags(process.argv.slice(2), {
  connections: "concurrent connections in all (default 200)",
  seconds: "seconds of load (default 60)",
  warmup: "seconds of unmeasured load first, at 10 connections per route (default 3)",
  port: "port of next start (default 3901)",
  "pool-size": "DATABASE_POOL_SIZE of the server (default: the app's default)",
  timeout: "seconds before a request counts as timed out (default 10)",
  help: "this text",
});
if (flags.has("help")) {
  console.log(flags.usage("npm run load --"));
  process.exit(0);
}

const connections = flags.number("connections", 200);
const seconds = flags.number("seconds", 60);
const warmup = flags.number("warmup", 3);
const port = flags.number("port", 3901);
const timeoutSeconds = flags.number("timeout", 10);

const ROUTES = [
  { name: "board", path: "/api/v1/opportunities/pipeline/board" },
  { name: "list", path: "/api/v1/opportunities" },
  { name: "unread count", path: "/api/v1/notifications/unread-count" },
];

/** `total` connections split over the routes as evenly as possible. */
const share = (total: number, index: number) => Math.floor(total / ROUTES.length) + (index < total % ROUTES.length ? 1 : 0);

async function main(): Promise<number> {
  const bench = await prepareBenchDatabase();
  try {
    const tokens = await issueBenchTokens(bench);
    const env = flags.has("pool-size") ? { DATABASE_POOL_SIZE: String(flags.number("pool-size", 10)) } : undefined;
    const server = await startNextServer({ databaseUrl: bench.url, port, env });
    let failed = 0;
    try {
      const loads = (count: number, duration: number): HttpLoad[] =>
        ROUTES.map((route, i) => ({
          path: route.path,
          token: tokens.admin,
          connections: share(count, i),
          seconds: duration,
          timeoutSeconds,
        }));
      await loadRoutesTogether(server.baseUrl, loads(Math.min(connections, 30), warmup));
      console.log(
        `load: ${connections} connections (${ROUTES.map((r, i) => `${r.name} ${share(connections, i)}`).join(", ")}) for ${seconds} s, as the tenant admin`,
      );
      const results = await loadRoutesTogether(server.baseUrl, loads(connections, seconds));
      const totalRequests = results.reduce((sum, r) => sum + r.count, 0);
      failed = results.reduce((sum, r) => sum + failuresOf(r), 0);
      console.log(
        table([
          ["route", "conns", ...LATENCY_HEADER, "non-2xx", "errors", "timeouts"],
          ...results.map((r, i) => [
            ROUTES[i]!.name,
            String(r.connections),
            ...latencyCells(r),
            String(r.non2xx),
            String(r.errors),
            String(r.timeouts),
          ]),
        ]),
      );
      console.log(`\nall routes: ${(totalRequests / seconds).toFixed(0)} req/s, ${totalRequests} requests, ${failed} failed`);
      for (const r of results) {
        const odd = Object.entries(r.statuses).filter(([status]) => !status.startsWith("2"));
        if (odd.length > 0) console.log(`  ${r.path}: statuses ${odd.map(([s, n]) => `${s}×${n}`).join(", ")}`);
      }
    } finally {
      const memory = await server.stop();
      console.log(`server peak RSS: ${memory.peakRssMb.toFixed(0)} MB`);
    }
    return failed === 0 ? 0 : 1;
  } finally {
    await bench.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
