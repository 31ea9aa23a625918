/**
 * The raw-SQL baseline of a route is what the route's own code sends: `record` runs that code once (the bearer
 * check, then the module call the route handler makes) with the app's pool noting every read statement, grouped
 * into steps as they were sent — statements sent while another was still running share a step.
 */
import { dbPool } from "@/lib/db";
import type { Statement } from "./sql-load";

type QueryConfig = { text: string; values?: unknown[]; name?: string };

export async function record(run: () => Promise<unknown>): Promise<Statement[][]> {
  const pool = dbPool();
  const original = pool.query.bind(pool) as (config: QueryConfig) => Promise<unknown>;
  const steps: Statement[][] = [];
  let inFlight = 0;
  (pool as unknown as { query: (config: QueryConfig) => Promise<unknown> }).query = (config: QueryConfig) => {
    if (/^\s*(SELECT|WITH)\b/i.test(config.text)) {
      if (inFlight === 0) steps.push([]);
      steps.at(-1)!.push({ text: config.text, values: config.values ?? [], name: config.name });
    }
    inFlight += 1;
    return original(config).finally(() => {
      inFlight -= 1;
    });
  };
  try {
    await run();
  } finally {
    (pool as unknown as { query: unknown }).query = original;
  }
  return steps;
}
