import pino from "pino";

/** Structured JSON logs on stdout. LOG_LEVEL=silent in tests. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "onquota" },
  redact: ["req.headers.authorization", "req.headers.cookie", "password", "*.password"],
});
