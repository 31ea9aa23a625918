/**
 * The raw-SQL baseline of a route: the same statements the route runs, sent straight through `pg` (a pool as large
 * as the app's) by as many concurrent workers as the HTTP load has connections. One "request" runs a route's
 * steps in order (the bearer-token check, then the route's own statements), each step's statements together, as
 * the route does.
 */
import pg from "pg";
import { summarize, type LatencySummary } from "./stats";

/** A statement as the route sends it: prepared under `name` when the route prepares it. */
export type Statement = { text: string; values: unknown[]; name?: string };

export async function loadSql(
  databaseUrl: string,
  steps: Statement[][],
  options: { connections: number; seconds: number; poolSize: number },
): Promise<LatencySummary> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize });
  pool.on("error", () => undefined);
  try {
    const once = async () => {
      for (const step of steps) await Promise.all(step.map((s) => pool.query({ name: s.name, text: s.text, values: s.values })));
    };
    await once(); // connect and warm the plan cache before timing
    const latencies: number[] = [];
    const started = performance.now();
    const until = started + options.seconds * 1000;
    const worker = async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await once();
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: options.connections }, worker));
    return summarize(latencies, (performance.now() - started) / 1000);
  } finally {
    await pool.end();
  }
}
