/**
 * A small stand-in for the Inngest server, for `INNGEST_DEV=http://127.0.0.1:<port>`: it records function
 * registrations (`POST /fn/register`, what the SDK sends on PUT /api/inngest) and events (`POST /e/<key>`),
 * and drives a function's steps through a serve handler the way the executor does.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RegisteredFunction = {
  id: string;
  name: string;
  triggers: Array<{ cron?: string; event?: string; expression?: string }>;
  steps: Record<string, { runtime: { url: string }; retries?: { attempts: number } }>;
  retries?: unknown;
  [key: string]: unknown;
};

export type Registration = { url: string; appName: string; framework: string; functions: RegisteredFunction[] };

export type SentEvent = { name: string; data: Record<string, unknown>; id?: string; ts?: number };

export type FakeInngest = {
  url: string;
  registrations: Registration[];
  events: SentEvent[];
  /** Makes the event API answer 500 (to test what happens when Inngest cannot be reached). */
  failEvents: boolean;
  /** Makes registration fail the way Inngest refuses a bad app (401 with an error). */
  failRegistration: boolean;
  close(): Promise<void>;
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

export async function startFakeInngest(): Promise<FakeInngest> {
  const fake: Omit<FakeInngest, "url" | "close"> = { registrations: [], events: [], failEvents: false, failRegistration: false };
  let counter = 0;
  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    res.setHeader("content-type", "application/json");
    if (req.method === "POST" && path === "/fn/register" && fake.failRegistration) {
      res.statusCode = 401;
      res.end(JSON.stringify({ status: 401, error: "fake Inngest: signing key does not match" }));
    } else if (req.method === "POST" && path === "/fn/register") {
      fake.registrations.push(JSON.parse(body) as Registration);
      res.end(JSON.stringify({ ok: true, modified: true }));
    } else if (req.method === "POST" && path.startsWith("/e/")) {
      if (fake.failEvents) {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: "fake Inngest: event API down" }));
        return;
      }
      const parsed = JSON.parse(body) as SentEvent | SentEvent[];
      const events = Array.isArray(parsed) ? parsed : [parsed];
      fake.events.push(...events);
      res.end(JSON.stringify({ ids: events.map(() => `evt-${++counter}`), status: 200 }));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: `fake Inngest: no ${req.method} ${path}` }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

type Handler = (request: Request, context: unknown) => Promise<Response>;

export type StepOp = { id: string; op: string; name?: string; displayName?: string; data?: unknown; error?: unknown };

export type ExecutorRun = { responses: Array<{ status: number; body: unknown }>; result: unknown; ops: StepOp[] };

/**
 * Runs a function to completion as the executor would: POST `?fnId=<app>-<fn>&stepId=step` with the event and
 * the memoized step results so far; each 206 answers the step(s) it ran, which go into the state of the next
 * request; a 200 carries the function's result. (No `fn_id` in the context: the SDK then answers step by step
 * instead of checkpointing to the Inngest API.)
 */
export async function executeFunction(
  post: Handler,
  serveUrl: string,
  fnId: string,
  event: SentEvent,
  maxRequests = 20,
): Promise<ExecutorRun> {
  const steps: Record<string, { type: "data"; data: unknown } | { type: "error"; error: unknown }> = {};
  const stack: string[] = [];
  const run: ExecutorRun = { responses: [], result: undefined, ops: [] };
  for (let attempt = 0; attempt < maxRequests; attempt++) {
    const url = new URL(serveUrl);
    url.searchParams.set("fnId", fnId);
    url.searchParams.set("stepId", "step");
    const payload = {
      event,
      events: [event],
      steps,
      ctx: { run_id: "01FAKERUN0000000000000000", attempt: 0, stack: { stack, current: stack.length } },
      version: 2,
    };
    const response = await post(
      new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) }),
      undefined,
    );
    const text = await response.text();
    const body: unknown = text ? JSON.parse(text) : null;
    run.responses.push({ status: response.status, body });
    if (response.status === 200) {
      run.result = body;
      return run;
    }
    if (response.status !== 206) throw new Error(`fake executor: ${fnId} answered ${response.status}: ${text}`);
    for (const op of body as StepOp[]) {
      run.ops.push(op);
      steps[op.id] = op.error !== undefined ? { type: "error", error: op.error } : { type: "data", data: op.data ?? null };
      stack.push(op.id);
    }
  }
  throw new Error(`fake executor: ${fnId} did not finish in ${maxRequests} requests`);
}
