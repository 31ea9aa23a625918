import { describe, expect, it } from "vitest";
import { errorToProblem } from "@/lib/http/error-mapping";
import { isDatabaseUnavailable } from "./unavailable";

/** Shapes recorded from Prisma 7 + @prisma/adapter-pg + pg against a PostgreSQL that was stopped, restarted or refused connections. */
const withClientVersion = (message: string) => Object.assign(new Error(message), { clientVersion: "7.10.1" });
const adapterError = (cause: object) =>
  Object.assign(new Error(String((cause as { kind: string }).kind)), { name: "DriverAdapterError", cause });
const prismaKnown = (code: string, cause: object) =>
  Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { driverAdapterError: adapterError(cause) },
  });
const postgres = (code: string, severity = "ERROR") => ({
  originalCode: code,
  originalMessage: "…",
  kind: "postgres",
  code,
  severity,
  message: "…",
});

describe("isDatabaseUnavailable", () => {
  it.each([
    ["server stopped (ECONNREFUSED)", prismaKnown("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["server stopped, raw query", prismaKnown("P2010", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["in-flight query at shutdown (57P01)", prismaKnown("P2010", postgres("57P01", "FATAL"))],
    ["server in recovery (57P03)", prismaKnown("P2010", postgres("57P03", "FATAL"))],
    ["database not accepting connections (55000 FATAL)", prismaKnown("P2010", postgres("55000", "FATAL"))],
    ["connection closed by the server", prismaKnown("P2010", { kind: "ConnectionClosed" })],
    ["too many connections", prismaKnown("P2037", { kind: "TooManyConnections", cause: "sorry" })],
    ["connection exception class 08", prismaKnown("P2010", postgres("08006"))],
    ["pool exhausted (pg-pool)", withClientVersion("timeout exceeded when trying to connect")],
    ["backend killed mid-query (pg)", withClientVersion("Connection terminated unexpectedly")],
    ["Prisma pool timeout code", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" })],
    ["initialisation error", Object.assign(new Error("Can't reach database server"), { errorCode: "P1001" })],
    ["plain socket error", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["socket error as a cause", new Error("wrapped", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) })],
  ])("is true for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaKnown("P2002", { kind: "UniqueConstraintViolation" })],
    ["a statement error (22P02)", prismaKnown("P2010", postgres("22P02"))],
    ["an unsupported column type", prismaKnown("P2010", { kind: "UnsupportedNativeDataType", type: "void" })],
    ["bad credentials (configuration)", prismaKnown("P1000", { ...postgres("28P01", "FATAL"), kind: "AuthenticationFailed" })],
    ["a missing database (configuration)", Object.assign(new Error('database "x" does not exist'), { code: "3D000", severity: "FATAL" })],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["a message that only looks like pg's, with a code", Object.assign(new Error("Connection terminated"), { code: "XX000" })],
    ["not an error", "Connection terminated"],
    ["null", null],
  ])("is false for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("stops on a cyclic cause chain", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    a.cause = new Error("b", { cause: a });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("errorToProblem for an unreachable database", () => {
  it("answers 503 with Retry-After and no internals", () => {
    const problem = errorToProblem(prismaKnown("P1001", { kind: "DatabaseNotReachable", host: "10.0.0.5", port: 5432 }));
    expect(problem).toEqual({
      status: 503,
      title: "Service Unavailable",
      detail: "The service is briefly unavailable; try again in a few seconds.",
      headers: { "retry-after": "5" },
    });
  });

  it("still answers 500 for anything else unknown", () => {
    expect(errorToProblem(new TypeError("boom")).status).toBe(500);
  });
});
