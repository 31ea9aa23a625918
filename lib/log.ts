import pino from "pino";

/**
 * Structured JSON logs on stdout. LOG_LEVEL=silent in tests. Lines are written off the request's path: buffered
 * up to 4 KB and flushed at least every second and on exit (a synchronous write per request line was a visible
 * share of a cheap request's CPU).
 */
const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 });
setInterval(() => {
  try {
    stdout.flush();
  } catch {
    // already ended: the process is exiting and pino flushed the rest
  }
}, 1000).unref();

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { service: "onquota" },
    redact: ["req.headers.authorization", "req.headers.cookie", "password", "*.password"],
  },
  stdout,
);
