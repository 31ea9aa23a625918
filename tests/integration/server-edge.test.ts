/**
 * The server edge (lib/server) in front of the real route handlers, on a real socket: client addresses from the
 * socket and the trusted proxy only, HSTS, body limits while reading. Clients pick their loopback source
 * address (127.0.0.x) to be different clients; 127.0.0.2 is the trusted proxy.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { DEFAULT_BODY_LIMIT_BYTES } from "@/lib/http/body-limits";
import { loginPairKey } from "@/lib/rate-limit";
import { trustedProxies } from "@/lib/server/client-address";
import { edgeListener, HSTS } from "@/lib/server/edge";
import { dispatch, post } from "../helpers/api";
import { createTestTenant, FIXTURE_PASSWORD, type TestTenant } from "../helpers/fixtures";
import { filler, rawRequest } from "../helpers/raw-http";

const PROXY = "127.0.0.2";
let server: http.Server;
let base: string;
let handled = 0;
let tenant: TestTenant;

/** Stands in for Next's handler: the Node request as a web Request to the route handler, and back. */
async function routeHandlers(req: http.IncomingMessage, res: http.ServerResponse) {
  handled++;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(new URL(req.url ?? "/", base), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
  const response = await dispatch(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

beforeAll(async () => {
  tenant = await createTestTenant();
  server = http.createServer(edgeListener(routeHandlers, trustedProxies(PROXY)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const signIn = (from: string, email: string, password: string, headers: Record<string, string> = {}) =>
  rawRequest({
    url: `${base}/api/v1/auth/token`,
    method: "POST",
    from,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });

async function pairKeysFor(email: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ key: string }[]>`SELECT key FROM rate_limit_buckets WHERE key LIKE ${`login:pair:%:${email}`}`;
  return rows.map((r) => r.key).sort();
}

describe("client addresses", () => {
  it("rotating X-Forwarded-For from an untrusted client does not help it; the owner and others still get in", async () => {
    const { admin, rep } = tenant;
    const attacker = "127.0.0.5";
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(attacker, admin.email, `guess-${i}`, { "x-forwarded-for": `198.51.100.${i + 1}` })),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 401).length).toBeLessThan(12);
    // Every guess was charged to the socket's address; none to the forged ones.
    expect(await pairKeysFor(admin.email)).toEqual([loginPairKey(attacker, admin.email)]);

    expect((await signIn("127.0.0.6", admin.email, FIXTURE_PASSWORD)).status).toBe(200);
    expect((await signIn("127.0.0.7", rep.email, FIXTURE_PASSWORD, { "x-forwarded-for": "198.51.100.1" })).status).toBe(200);
  });

  it("behind the trusted proxy, X-Forwarded-For names the client (the address the proxy itself saw)", async () => {
    const { supervisor } = tenant;
    // The client made up the first entry; the proxy appended the address it saw.
    const response = await signIn(PROXY, supervisor.email, "wrong", { "x-forwarded-for": "192.0.2.66, 198.51.100.77" });
    expect(response.status).toBe(401);
    expect(await pairKeysFor(supervisor.email)).toEqual([loginPairKey("198.51.100.77", supervisor.email)]);
  });
});

describe("Strict-Transport-Security", () => {
  const me = (from: string, proto: string) => rawRequest({ url: `${base}/api/v1/me`, from, headers: { "x-forwarded-proto": proto } });

  it("is sent when the trusted proxy says the client came over https, and only then", async () => {
    expect((await me(PROXY, "https")).headers["strict-transport-security"]).toBe(HSTS);
    expect((await me(PROXY, "http")).headers["strict-transport-security"]).toBeUndefined();
    expect((await me("127.0.0.8", "https")).headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("body limits", () => {
  const token = (body: { chunks: Iterable<Buffer> } | { body: string }) =>
    rawRequest({
      url: `${base}/api/v1/auth/token`,
      method: "POST",
      from: "127.0.0.9",
      headers: { "content-type": "application/json" },
      ...body,
    });

  it("refuses a chunked body at the limit with 413 problem+json, before the app sees it", async () => {
    const before = handled;
    const response = await token({ chunks: filler(3 * DEFAULT_BODY_LIMIT_BYTES) });
    expect(response.status).toBe(413);
    expect(response.headers["content-type"]).toBe("application/problem+json");
    expect(response.headers.connection).toBe("close");
    expect(response.json()).toMatchObject({ status: 413, title: "Content Too Large" });
    expect(handled).toBe(before);
  });

  it("refuses a declared Content-Length over the limit at once", async () => {
    const before = handled;
    const response = await token({ body: "a".repeat(DEFAULT_BODY_LIMIT_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ status: 413 });
    expect(handled).toBe(before);
  });

  it("hands a chunked body within the limit to the app unchanged", async () => {
    const body = JSON.stringify({ email: tenant.rep.email, password: FIXTURE_PASSWORD });
    const response = await token({ chunks: [Buffer.from(body.slice(0, 10)), Buffer.from(body.slice(10))] });
    expect(response.status).toBe(200);
    expect(response.json().user.email).toBe(tenant.rep.email);
  });

  it("the route wrapper counts again while reading (next dev has no edge): 413 problem+json", async () => {
    const response = await post("/auth/token", undefined, {
      rawBody: JSON.stringify({ email: "x@y.z", password: "a".repeat(DEFAULT_BODY_LIMIT_BYTES) }),
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });
});
