/**
 * Without Inngest (no keys, no INNGEST_DEV) nothing crashes: the route answers its own error and the app
 * knows to run its jobs and emails itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isInngestConfigured } from "@/lib/jobs";

type Handler = (request: Request, context: unknown) => Promise<Response>;

let route: { GET: Handler; PUT: Handler; POST: Handler };

beforeAll(async () => {
  for (const key of ["INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete process.env[key];
  route = (await import("@/app/api/inngest/route")) as unknown as typeof route;
});

describe("isInngestConfigured", () => {
  it("needs a dev server or both Cloud keys", () => {
    expect(isInngestConfigured({})).toBe(false);
    expect(isInngestConfigured({ INNGEST_DEV: "1" })).toBe(true);
    expect(isInngestConfigured({ INNGEST_DEV: "http://127.0.0.1:8288" })).toBe(true);
    expect(isInngestConfigured({ INNGEST_DEV: "0" })).toBe(false);
    expect(isInngestConfigured({ INNGEST_DEV: "false" })).toBe(false);
    expect(isInngestConfigured({ INNGEST_EVENT_KEY: "key" })).toBe(false);
    expect(isInngestConfigured({ INNGEST_EVENT_KEY: "key", INNGEST_SIGNING_KEY: "signkey-prod-abc" })).toBe(true);
  });
});

describe("/api/inngest without Inngest", () => {
  it("answers 404 problem+json saying Inngest is not configured and the jobs run with npm run job", async () => {
    const url = "http://localhost:3000/api/inngest";
    for (const method of ["GET", "PUT", "POST"] as const) {
      const response = await route[method](new Request(url, { method, ...(method === "POST" ? { body: "{}" } : {}) }), undefined);
      expect(response.status, method).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect((await response.json()).detail).toMatch(/not configured.*npm run job/);
    }
  });
});
