import type { Operation } from "@/lib/http/operation";
import { api, type ApiResponse } from "../../helpers/api";
import { assertDocumented } from "../../helpers/openapi-contract";
import type { ApiRequest } from "./requests";

/** The operation's path with its parameters filled in, and the query string. */
export function urlOf(op: Operation, request: ApiRequest): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = request.params?.[name];
    if (value === undefined) throw new Error(`${op.id}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams(request.query ?? {}).toString();
  return `${path.slice(1)}${query ? `?${query}` : ""}`;
}

/**
 * Sends the request as `token` (none: anonymous). An event stream never ends, so for one only the status and
 * headers are read (and the body, if it is a problem) before the connection is dropped.
 */
export async function send(op: Operation, request: ApiRequest & { rawBody?: string }, token?: string): Promise<ApiResponse> {
  const url = urlOf(op, request);
  if (op.responseContentType === "text/event-stream") {
    const stream = STREAMS[op.path];
    if (!stream) throw new Error(`${op.id}: teach send() to open this event stream`);
    return openStream(stream, url, token, request.headers);
  }
  return api(op.method, url, { token, body: request.body, rawBody: request.rawBody, headers: request.headers });
}

type StreamRoute = { GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> };

/** The event-stream routes, opened in-process (the api helper reads a body to its end, which a stream never reaches). */
const STREAMS: Record<string, () => Promise<StreamRoute>> = {
  "/notifications/stream": () => import("@/app/api/v1/notifications/stream/route"),
  "/opportunities/pipeline/board/events": () => import("@/app/api/v1/opportunities/pipeline/board/events/route"),
};

async function openStream(
  route: () => Promise<StreamRoute>,
  url: string,
  token: string | undefined,
  extra: Record<string, string> = {},
): Promise<ApiResponse> {
  const { GET } = await route();
  const controller = new AbortController();
  const headers = new Headers({ accept: "text/event-stream", ...extra });
  if (token) headers.set("authorization", `Bearer ${token}`);
  const request = new Request(`http://localhost:3000/api/v1/${url}`, { headers, signal: controller.signal });
  const response = await GET(request, { params: Promise.resolve({}) });
  await assertDocumented(request, response);
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    controller.abort();
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, headers: response.headers, body: null, text: "" };
  }
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, text };
}

export function isProblem(response: ApiResponse): boolean {
  return response.headers.get("content-type") === "application/problem+json" && response.body?.status === response.status;
}
