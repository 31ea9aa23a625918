/** Drives one route with autocannon (keep-alive connections, each sending its next request on a response). */
import autocannon from "autocannon";
import { summarize, type LatencySummary } from "./stats";

export type HttpLoadResult = LatencySummary & {
  path: string;
  connections: number;
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
};

/** `token`: the bearer token to send; null sends none. */
export type HttpLoad = { path: string; token: string | null; connections: number; seconds: number; timeoutSeconds?: number };

/** Runs the load and returns the latency percentiles of every response (non-2xx included) and the failures. */
export async function loadRoute(baseUrl: string, load: HttpLoad): Promise<HttpLoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: `${baseUrl}${load.path}`,
    connections: load.connections,
    duration: load.seconds,
    timeout: load.timeoutSeconds ?? 10,
    headers: { accept: "application/json", ...(load.token ? { authorization: `Bearer ${load.token}` } : {}) },
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const seconds = result.duration || load.seconds;
  return {
    ...summarize(latencies, seconds),
    path: load.path,
    connections: load.connections,
    seconds,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  };
}

/** Runs several loads at the same time (their connections add up) and returns each one's result. */
export function loadRoutesTogether(baseUrl: string, loads: HttpLoad[]): Promise<HttpLoadResult[]> {
  return Promise.all(loads.map((load) => loadRoute(baseUrl, load)));
}

export const failuresOf = (result: HttpLoadResult) => result.non2xx + result.errors + result.timeouts;
