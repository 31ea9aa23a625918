import { describe, expect, it } from "vitest";
import { TooManyRequestsError } from "@/lib/errors";
import { problemResponse } from "@/lib/http";
import { errorToProblem } from "@/lib/http/error-mapping";
import { openApiDocument } from "@/lib/openapi";
import { assertDocumented, ContractViolation } from "../helpers/openapi-contract";

const API = "http://localhost:3000/api/v1";
const USER = {
  id: "0b9f5a8e-6c1d-4f7a-9b2e-3d4c5b6a7f80",
  tenant_id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
  name: "Riley Rep",
  email: "riley@acme.demo",
  role: "SALES_REP",
  is_active: true,
  timezone: "Europe/Berlin",
  quiet_hours: { start: "22:00", end: "07:00" },
};

const get = (path: string) => new Request(`${API}${path}`);
const problem = (status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: "about:blank", title: "T", status, detail: "D", ...extra }), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });

async function violation(request: Request, response: Response): Promise<string> {
  const error = await assertDocumented(request, response).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractViolation);
  return (error as Error).message;
}

describe("holding responses to the OpenAPI document", () => {
  it("passes documented answers, and the document's own", async () => {
    await assertDocumented(get("/me"), Response.json(USER));
    await assertDocumented(get("/me"), problem(401));
    await assertDocumented(get("/openapi.json"), Response.json(openApiDocument()));
  });

  it("fails an undocumented status, naming method, path and status", async () => {
    expect(await violation(get("/me"), problem(404))).toMatch(
      /^GET \/api\/v1\/me answered 404, .*status 404 is not documented for GET \/me/,
    );
    expect(await violation(get("/openapi.json"), problem(503))).toMatch(/status 503 is not documented/);
  });

  it("fails a body that does not match its schema, with ajv's errors", async () => {
    const message = await violation(get("/me"), Response.json({ ...USER, role: "OWNER", extra: 1 }));
    expect(message).toContain("the body does not match its schema");
    expect(message).toMatch(/\/role must be equal to one of the allowed values/);
    expect(message).toMatch(/must NOT have additional properties "extra"/);
  });

  it("fails a content type or a body the document does not list", async () => {
    expect(await violation(get("/me"), new Response("hello", { headers: { "content-type": "text/plain" } }))).toMatch(
      /content type "text\/plain" is not one of application\/json/,
    );
    const redirect = new Response("moved", { status: 303, headers: { location: "/unsubscribe?token=t" } });
    expect(await violation(get("/email/unsubscribe?token=t"), redirect)).toMatch(/says no content, but the body is "moved"/);
  });

  it("fails a 429 problem with a member the Problem schema forbids, or without Retry-After", async () => {
    const signIn = new Request(`${API}/auth/token`, { method: "POST" });
    expect(await violation(signIn, problem(429, { headers: { "retry-after": "30" } }, { "retry-after": "30" }))).toMatch(
      /additional properties "headers"/,
    );
    expect(await violation(signIn, problem(429))).toMatch(/the Retry-After header is missing/);
  });

  it("passes the 429 the route wrapper really builds", async () => {
    const { headers, ...mapped } = errorToProblem(new TooManyRequestsError(30));
    const response = problemResponse({ ...mapped, request_id: "r-1" }, headers);
    expect(Object.keys(await response.clone().json())).toEqual(["type", "title", "status", "detail", "request_id"]);
    await assertDocumented(new Request(`${API}/auth/token`, { method: "POST" }), response);
  });

  it("documents the unsubscribe link's 303 with its Location", async () => {
    const open = get("/email/unsubscribe?token=t");
    await assertDocumented(open, new Response(null, { status: 303, headers: { location: "/unsubscribe?token=t" } }));
    expect(await violation(open, new Response(null, { status: 303 }))).toMatch(/the Location header is missing/);
    expect(await violation(open, new Response("<html></html>", { headers: { "content-type": "text/html" } }))).toMatch(
      /status 200 is not documented/,
    );
  });
});
