/**
 * Whether an error means "the database cannot be reached right now" (down, restarting, refusing connections,
 * connection lost, pool exhausted) rather than "this request is wrong" or "our code is wrong". Such a request
 * may simply be tried again later. The error may come from Prisma, from its pg driver adapter or from `pg`
 * itself, so the error, its `cause` chain and Prisma's `meta.driverAdapterError` are all looked at.
 */

/** Prisma: can't reach server, timed out reaching it, operation timed out, server closed the connection, pool timeout, too many connections. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);

/** @prisma/adapter-pg's kinds for socket-level failures and a server out of connection slots. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * PostgreSQL SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, in
 * recovery), too_many_connections. Class 08 (connection exception) is matched by its prefix.
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/** What `pg` and `pg-pool` throw as plain errors (no code) when a connection is lost or cannot be had in time. */
const PG_CONNECTION_MESSAGES =
  /^(timeout exceeded when trying to connect|timeout expired|Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|Query read timeout)$/;

type Inspectable = {
  code?: unknown;
  errorCode?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  severity?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

export function isDatabaseUnavailable(error: unknown): boolean {
  return relatedErrors(error).some(signalsUnavailable);
}

function signalsUnavailable(e: Inspectable): boolean {
  for (const code of [e.code, e.errorCode, e.originalCode]) {
    if (typeof code !== "string") continue;
    if (PRISMA_CODES.has(code) || SQLSTATES.has(code) || SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  // A FATAL or PANIC report ends the session: the connection failed, not the statement (e.g. a database not
  // accepting connections). Bad credentials (class 28) and a missing database (3D000) are configuration errors.
  const sqlstate = typeof e.originalCode === "string" ? e.originalCode : typeof e.code === "string" ? e.code : "";
  if ((e.severity === "FATAL" || e.severity === "PANIC") && !/^(28|3D)/.test(sqlstate)) return true;
  return typeof e.message === "string" && e.code === undefined && PG_CONNECTION_MESSAGES.test(e.message);
}

/** The error and what it wraps (a few levels deep; causes can be cyclic). */
function relatedErrors(error: unknown): Inspectable[] {
  const found: Inspectable[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 8) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || found.includes(next as Inspectable)) continue;
    const e = next as Inspectable;
    found.push(e);
    queue.push(e.cause, e.meta?.driverAdapterError);
  }
  return found;
}
