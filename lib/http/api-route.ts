import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requireRole, type Scope } from "@/lib/scope";
import { resolveCaller } from "@/lib/auth";
import { BadRequestError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { isSameOriginWrite } from "@/lib/security";
import { bodyLimitFor } from "./body-limits";
import { errorToProblem } from "./error-mapping";
import { problemResponse } from "./problem";
import { searchParamsToObject } from "./query";
import type { Infer, Operation } from "./operation";
import { parseInput } from "./parse-input";
import { readBodyText } from "./read-body";

export type RouteContext<Op extends Operation> = {
  request: Request;
  requestId: string;
  params: Infer<Op["params"]>;
  query: Infer<Op["query"]>;
  body: Infer<Op["body"]>;
};

type Handler<Op extends Operation, C> = (ctx: RouteContext<Op> & C) => Promise<unknown>;
type NextRouteArgs = { params: Promise<Record<string, string | string[] | undefined>> };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** An authenticated route: resolves the caller's scope, checks the role, parses input, maps errors. */
export function apiRoute<Op extends Operation>(op: Op, handler: Handler<Op, { scope: Scope }>) {
  return wrap(
    op,
    async (request) => {
      const caller = await resolveCaller(request);
      if (!caller) throw new UnauthorizedError();
      if (caller.via === "cookie" && UNSAFE_METHODS.has(request.method)) assertSameOrigin(request);
      if (op.roles) requireRole(caller.scope, op.roles);
      return { scope: caller.scope };
    },
    handler,
  );
}

/** A route anyone may call (register, token). */
export function publicApiRoute<Op extends Operation>(op: Op, handler: Handler<Op, object>) {
  return wrap(op, async () => ({}), handler);
}

function wrap<Op extends Operation, C>(op: Op, authenticate: (request: Request) => Promise<C>, handler: Handler<Op, C>) {
  return async (request: Request, next: NextRouteArgs): Promise<Response> => {
    const started = performance.now();
    const requestId = request.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
    let response: Response;
    let userId: string | undefined;
    try {
      const extra = await authenticate(request);
      userId = (extra as { scope?: Scope }).scope?.userId;
      const params = await parseParams(op, next);
      const query = parseWith(op.query, searchParamsToObject(new URL(request.url).searchParams));
      const body = op.body ? parseWith(op.body, op.textBody ? await readText(request) : await readJson(request)) : undefined;
      const result = await handler({ request, requestId, params, query, body, ...extra } as RouteContext<Op> & C);
      response = toResponse(result, op.successStatus ?? 200);
    } catch (error) {
      const problem = errorToProblem(error);
      if (problem.status >= 500) logger.error({ err: error, requestId, op: op.id }, "request failed");
      response = problemResponse({ ...problem, request_id: requestId }, problem.headers);
    }
    response.headers.set("x-request-id", requestId);
    keepPrivate(response);
    logger.info(
      {
        requestId,
        op: op.id,
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        userId,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
    return response;
  };
}

async function parseParams<Op extends Operation>(op: Op, next: NextRouteArgs) {
  if (!op.params) return undefined;
  const result = op.params.safeParse(await next.params);
  // A malformed id cannot name anything that exists.
  if (!result.success) throw new NotFoundError();
  return result.data;
}

function parseWith(schema: z.ZodType | undefined, input: unknown) {
  if (!schema) return undefined;
  const result = parseInput(schema, input);
  if (!result.success) throw new ValidationError(result.errors);
  return result.data;
}

/** The server edge already stops oversized bodies; this check covers `next dev` and anything that bypasses the edge. */
function readText(request: Request): Promise<string> {
  return readBodyText(request, bodyLimitFor(new URL(request.url).pathname));
}

async function readJson(request: Request): Promise<unknown> {
  const text = await readText(request);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError("The request body is not valid JSON.");
  }
}

/** Cookie-authenticated writes must come from our own pages (CSRF). */
function assertSameOrigin(request: Request) {
  if (!isSameOriginWrite(request.headers)) throw new ForbiddenError("Cross-site requests are not allowed.");
}

/** Every answer of the API is about one caller (or hands out a token): no cache may keep it. */
function keepPrivate(response: Response) {
  const requested = response.headers.get("cache-control") ?? "";
  response.headers.set("cache-control", /\bno-transform\b/.test(requested) ? "no-store, no-transform" : "no-store");
}

function toResponse(result: unknown, status: number): Response {
  if (result instanceof Response) return result;
  if (status === 204 || result === undefined) return new Response(null, { status: 204 });
  return Response.json(result, { status });
}
