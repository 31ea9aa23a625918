import type { oas31 } from "zod-openapi";
import type { Operation } from "@/lib/http";

const RETRY_AFTER: oas31.HeaderObject = {
  description: "Seconds to wait before trying again.",
  required: true,
  schema: { type: "integer", minimum: 0, examples: [5] },
};

type ErrorResponse = { name: string; description: string; headers?: Record<string, oas31.HeaderObject> };

/** What each error status means across the API; the OpenAPI document registers one shared response per status. */
export const ERROR_RESPONSES: Record<number, ErrorResponse> = {
  400: { name: "BadRequest", description: "The request body is not valid JSON." },
  401: { name: "Unauthorized", description: "No credentials, or an invalid or expired token or session." },
  403: {
    name: "Forbidden",
    description: "Your role may not do this, or a write signed in by the session cookie came from another site.",
  },
  404: { name: "NotFound", description: "Missing, deleted, or not visible to you (another company's or, for a rep, another user's)." },
  409: { name: "Conflict", description: "A business rule forbids this in the current state." },
  412: { name: "PreconditionFailed", description: "The If-Match version no longer matches; nothing was changed." },
  413: {
    name: "ContentTooLarge",
    description: "The request body is larger than this operation accepts (1 MiB; 10 MiB for rate files; 20 MiB for imports).",
  },
  422: { name: "UnprocessableContent", description: "Invalid input; `errors` lists each field and what is wrong with it." },
  429: {
    name: "TooManyRequests",
    description: "Too many attempts; retry after `Retry-After` seconds.",
    headers: { "Retry-After": RETRY_AFTER },
  },
  503: {
    name: "ServiceUnavailable",
    description: "The database is briefly unreachable (e.g. restarting); retry after `Retry-After` seconds.",
    headers: { "Retry-After": RETRY_AFTER },
  },
};

const WRITES = new Set<Operation["method"]>(["POST", "PUT", "PATCH", "DELETE"]);

/** The error statuses an operation can answer, ascending: those it declares and those its shape implies. */
export function errorStatusesOf(op: Operation): number[] {
  const statuses = new Set<number>(op.errors ?? []);
  if (op.auth !== "public") statuses.add(401);
  if (op.body || op.query) statuses.add(422);
  if (op.body && !op.textBody) statuses.add(400);
  if (op.body) statuses.add(413);
  // An upload: a malformed multipart body, a file over the size limit, a file or field that is not valid.
  if (op.multipart) [400, 413, 422].forEach((status) => statuses.add(status));
  if (op.roles) statuses.add(403);
  // A cookie-authenticated write from another origin is refused (CSRF), whatever the role.
  if (op.auth !== "public" && WRITES.has(op.method)) statuses.add(403);
  if (op.params) statuses.add(404);
  if (op.ifMatch) statuses.add(412);
  if (op.database !== false) statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}

export function successStatusOf(op: Operation): 200 | 201 | 204 | 303 {
  return op.successStatus ?? (op.response || op.responseContentType ? 200 : 204);
}
