/**
 * Calls the real route handlers in-process, as Next would: a path is matched against the files under
 * app/api/v1 (dynamic segments included) and the exported method handler receives a real Request. Every answer
 * of a handler is held to the OpenAPI document (./openapi-contract.ts) before the test sees it.
 */
import { assertDocumented } from "./openapi-contract";

type RouteModule = Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;

const modules = import.meta.glob<RouteModule>("../../app/api/v1/**/route.ts");

type Route = { pattern: RegExp; names: string[]; load: () => Promise<RouteModule>; static: number };

const routes: Route[] = Object.entries(modules)
  .map(([file, load]) => {
    const rel = file.replace("../../app/api/v1", "").replace(/\/route\.ts$/, "") || "/";
    const names: string[] = [];
    const source = rel
      .split("/")
      .map((seg) => {
        const dyn = /^\[(\w+)\]$/.exec(seg);
        if (!dyn) return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(dyn[1]!);
        return "([^/]+)";
      })
      .join("/");
    return { pattern: new RegExp(`^${source}/?$`), names, load, static: rel.split("/").filter((s) => !s.startsWith("[")).length };
  })
  .sort((a, b) => b.static - a.static); // "/pipeline/summary" before "/{id}"

export type ApiResponse<T = any> = { status: number; headers: Headers; body: T; text: string };

export type CallOptions = { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> };

/**
 * Hands a request to the route handler its path names, as Next's router would; 404 when none matches, 405 for a
 * missing method (Next's answers, not the API's). A handler's answer that the OpenAPI document does not allow throws.
 */
export async function dispatch(request: Request): Promise<Response> {
  const routePath = new URL(request.url).pathname.replace(/^\/api\/v1/, "");
  for (const route of routes) {
    const match = route.pattern.exec(routePath);
    if (!match) continue;
    const handler = (await route.load())[request.method];
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
    const response = await handler(request, { params: Promise.resolve(params) });
    await assertDocumented(request, response);
    return response;
  }
  return new Response("no route", { status: 404 });
}

export async function api<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const url = new URL(path, "http://localhost:3000/api/v1/");
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const response = await dispatch(new Request(url, { method, headers, body }));
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export const get = <T = any>(path: string, o?: CallOptions) => api<T>("GET", path, o);
export const post = <T = any>(path: string, body?: unknown, o?: CallOptions) => api<T>("POST", path, { ...o, body });
export const put = <T = any>(path: string, body?: unknown, o?: CallOptions) => api<T>("PUT", path, { ...o, body });
export const patch = <T = any>(path: string, body?: unknown, o?: CallOptions) => api<T>("PATCH", path, { ...o, body });
export const del = <T = any>(path: string, o?: CallOptions) => api<T>("DELETE", path, o);
