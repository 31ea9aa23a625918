import { isDatabaseUnavailable } from "@/lib/db";
import { DomainError, TooManyRequestsError, ValidationError, type FieldError } from "@/lib/errors";

type MappedProblem = { status: number; title: string; detail: string; errors?: FieldError[]; headers?: HeadersInit };

/** Database error codes that only bad input can cause (Prisma's and PostgreSQL's). */
const INPUT_DB_ERRORS: Record<string, string> = {
  P2000: "A value is too long.",
  P2003: "A referenced record does not exist.",
  P2006: "A value is not valid.",
  P2007: "A value is not valid.",
  P2020: "A number is out of range.",
  "22003": "A number is out of range.",
  "22008": "A date is out of range.",
  "22001": "A value is too long.",
  "22P02": "A value is not valid.",
  "23503": "A referenced record does not exist.",
};

/** How long a client should wait before retrying while the database is unreachable (a restart takes seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function errorToProblem(error: unknown): MappedProblem {
  if (error instanceof ValidationError) {
    return { status: 422, title: error.title, detail: "The request has invalid fields.", errors: error.errors };
  }
  if (error instanceof TooManyRequestsError) {
    return { status: 429, title: error.title, detail: error.message, headers: { "retry-after": String(error.retryAfterSeconds) } };
  }
  if (error instanceof DomainError) return { status: error.status, title: error.title, detail: error.message };
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      title: "Service Unavailable",
      detail: "The service is briefly unavailable; try again in a few seconds.",
      headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
    };
  }
  const codes = databaseErrorCodes(error);
  if (codes.includes("P2025")) return { status: 404, title: "Not Found", detail: "Resource not found." };
  if (codes.includes("P2002") || codes.includes("23505")) {
    return { status: 409, title: "Conflict", detail: "A record with the same unique value already exists." };
  }
  const inputError = codes.find((code) => INPUT_DB_ERRORS[code]);
  if (inputError) {
    return { status: 422, title: "Unprocessable Content", detail: INPUT_DB_ERRORS[inputError]!, errors: [] };
  }
  return { status: 500, title: "Internal Server Error", detail: "Something went wrong on our side. It has been logged." };
}

/** Prisma's code and the database's: a generic Prisma code (e.g. P2039) may wrap a PostgreSQL code that says more. */
function databaseErrorCodes(error: unknown): string[] {
  if (typeof error !== "object" || error === null) return [];
  const e = error as {
    code?: unknown;
    cause?: { code?: unknown; originalCode?: unknown };
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
  };
  const candidates = [e.code, e.cause?.originalCode, e.cause?.code, e.meta?.driverAdapterError?.cause?.originalCode];
  return candidates.filter((c): c is string => typeof c === "string");
}
