/** An API refusal (application/problem+json) as an Error the UI can show. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(detail);
    this.name = "ProblemError";
  }
}

export async function readProblem(response: Response): Promise<ProblemError> {
  let body: { title?: unknown; detail?: unknown; errors?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = {};
  }
  const title = typeof body.title === "string" ? body.title : response.statusText || "Request failed";
  const detail = typeof body.detail === "string" && body.detail !== "" ? body.detail : `${title} (${response.status})`;
  const errors = Array.isArray(body.errors) ? (body.errors as { field: string; message: string }[]) : [];
  return new ProblemError(response.status, title, detail, errors);
}
