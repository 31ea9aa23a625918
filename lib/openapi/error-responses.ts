import type { Operation } from "@/lib/http";

/** What each error status means across the API; the OpenAPI document registers one shared response per status. */
export const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "The request body is not valid JSON or is too large." },
  401: { name: "Unauthorized", description: "No credentials, or an invalid or expired token or session." },
  403: { name: "Forbidden", description: "Your role may not call this operation." },
  404: { name: "NotFound", description: "Missing, deleted, or not visible to you (another company's or, for a rep, another user's)." },
  409: { name: "Conflict", description: "A business rule forbids this in the current state." },
  412: { name: "PreconditionFailed", description: "The If-Match version no longer matches; nothing was changed." },
  422: { name: "UnprocessableContent", description: "Invalid input; `errors` lists each field and what is wrong with it." },
  429: { name: "TooManyRequests", description: "Too many attempts; retry later." },
  503: {
    name: "ServiceUnavailable",
    description: "The database is briefly unreachable (e.g. restarting); retry after `Retry-After` seconds.",
  },
};

/** The error statuses an operation can answer, ascending. */
export function errorStatusesOf(op: Operation): number[] {
  const statuses = new Set<number>(op.errors ?? []);
  if (op.auth !== "public") statuses.add(401);
  if (op.body || op.query) statuses.add(422);
  if (op.body) statuses.add(400);
  if (op.roles) statuses.add(403);
  if (op.params) statuses.add(404);
  if (op.ifMatch) statuses.add(412);
  statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}

export function successStatusOf(op: Operation): 200 | 201 | 204 {
  return op.successStatus ?? (op.response || op.responseContentType ? 200 : 204);
}
