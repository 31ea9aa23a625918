import type { FieldError } from "@/lib/errors";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  request_id?: string;
};

/**
 * An RFC 9457 problem document. The body has only the members of `Problem`, whatever else `problem` carries
 * (headers go in `headers`).
 */
export function problemResponse(problem: Omit<Problem, "type"> & { type?: string }, headers?: HeadersInit): Response {
  const { type = "about:blank", title, status, detail, errors, request_id } = problem;
  const body: Problem = { type, title, status, detail, ...(errors ? { errors } : {}), ...(request_id ? { request_id } : {}) };
  const res = new Response(JSON.stringify(body), { status: problem.status, headers });
  res.headers.set("content-type", "application/problem+json");
  return res;
}
