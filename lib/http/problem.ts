import type { FieldError } from "@/lib/errors";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  request_id?: string;
};

/** An RFC 9457 problem document. */
export function problemResponse(problem: Omit<Problem, "type"> & { type?: string }, headers?: HeadersInit): Response {
  const body: Problem = { type: problem.type ?? "about:blank", ...problem };
  const res = new Response(JSON.stringify(body), { status: problem.status, headers });
  res.headers.set("content-type", "application/problem+json");
  return res;
}
