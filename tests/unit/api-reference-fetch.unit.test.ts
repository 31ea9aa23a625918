import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isEmptyBearer, sessionFetch } from "@/components/api-reference/session-fetch";

/** A server that answers with the Authorization header it received, so the test sees what went over the wire. */
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => res.end(JSON.stringify({ authorization: req.headers.authorization ?? null })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/me`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function sentAuthorization(init?: RequestInit): Promise<string | null> {
  const response = await sessionFetch(new Request(url, init));
  return ((await response.json()) as { authorization: string | null }).authorization;
}

describe("the fetch /docs sends try-it requests with", () => {
  it("drops a bearer header without a token, so the session cookie is what authorizes the request", async () => {
    expect(await sentAuthorization({ headers: { authorization: "Bearer " } })).toBeNull();
    expect(await sentAuthorization({ headers: { authorization: "bearer" } })).toBeNull();
  });

  it("keeps a typed token and every other request unchanged", async () => {
    expect(await sentAuthorization({ headers: { authorization: "Bearer oqa_token" } })).toBe("Bearer oqa_token");
    expect(await sentAuthorization({ headers: { authorization: "Basic dTpw" } })).toBe("Basic dTpw");
    expect(await sentAuthorization()).toBeNull();
  });

  it("recognises only an empty bearer scheme", () => {
    expect(isEmptyBearer(null)).toBe(false);
    expect(isEmptyBearer("Bearer")).toBe(true);
    expect(isEmptyBearer(" Bearer  ")).toBe(true);
    expect(isEmptyBearer("Bearer x")).toBe(false);
  });
});
