/**
 * The real /api/inngest route handlers, called with real Requests the way Inngest calls them, against a fake
 * Inngest server (INNGEST_DEV=http://127.0.0.1:<port>): introspection, registration of every function with its
 * trigger, a cron function run step by step to completion, and events sent when Inngest is configured.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock } from "@/lib/clock";
import { createTestClient, createTestTenant, type TestTenant } from "../helpers/fixtures";
import { executeFunction, startFakeInngest, type FakeInngest } from "../helpers/fake-inngest";
import { insertOpportunity, notificationsOf } from "./jobs-data";

const email = vi.hoisted(() => ({
  deliverNotificationEmails: vi.fn(async (ids: string[]) => ({ sent: ids.length, failed: 0, skipped: 0 })),
  retryDueEmails: vi.fn(async () => ({ sent: 0, failed: 0, skipped: 0 })),
  sendWeeklySummaryEmail: vi.fn(async () => ({ ok: true })),
}));
vi.mock("@/lib/email", () => email);

type Handler = (request: Request, context: unknown) => Promise<Response>;
type Route = { GET: Handler; PUT: Handler; POST: Handler };

const SERVE_URL = "http://localhost:3000/api/inngest";

let fake: FakeInngest;
let route: Route;
let t: TestTenant;

beforeAll(async () => {
  fake = await startFakeInngest();
  delete process.env.INNGEST_EVENT_KEY;
  delete process.env.INNGEST_SIGNING_KEY;
  process.env.INNGEST_DEV = fake.url;
  route = (await import("@/app/api/inngest/route")) as unknown as Route;
  t = await createTestTenant("Inngest route");
});

afterAll(async () => {
  await fake?.close();
});

beforeEach(() => {
  fake.events.length = 0;
  fake.failEvents = false;
  email.deliverNotificationEmails.mockClear();
});

const CRONS: Record<string, string> = {
  "onquota-restate-exchange-rates": "TZ=UTC 5 0 * * *",
  "onquota-check-pending-maintenance": "TZ=UTC 0 8 * * *",
  "onquota-check-expired-quotes": "TZ=UTC 0 9 * * *",
  "onquota-check-overdue-opportunities": "TZ=UTC 0 10 * * *",
  "onquota-weekly-summary": "TZ=UTC 0 7 * * 1",
  "onquota-cleanup-old-notifications": "TZ=UTC 0 2 1 * *",
  "onquota-prune-rate-limits": "TZ=UTC 0 * * * *",
  "onquota-snapshot-pipeline": "TZ=UTC 20 * * * *",
  "onquota-check-due-activities": "TZ=UTC */15 * * * *",
  "onquota-check-stale-deals": "TZ=UTC 30 10 * * *",
  "onquota-deliver-webhooks": "TZ=UTC * * * * *",
  "onquota-send-digests": "TZ=UTC */15 * * * *",
  "onquota-retry-emails": "TZ=UTC */15 * * * *",
  "onquota-send-push": "TZ=UTC * * * * *",
};

describe("GET /api/inngest", () => {
  it("introspects: dev mode, fifteen functions", async () => {
    const response = await route.GET(new Request(SERVE_URL), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mode: "dev", function_count: 16 });
  });
});

describe("PUT /api/inngest", () => {
  it("registers every function with the fake server: the thirteen crons and the two event functions", async () => {
    const response = await route.PUT(new Request(SERVE_URL, { method: "PUT" }), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ message: "Successfully registered" });

    const registration = fake.registrations.at(-1)!;
    expect(registration).toMatchObject({ appName: "onquota", framework: "nextjs", url: SERVE_URL });
    const byId = new Map(registration.functions.map((fn) => [fn.id, fn]));
    expect([...byId.keys()].sort()).toEqual(
      [...Object.keys(CRONS), "onquota-send-weekly-summary", "onquota-send-notification-email"].sort(),
    );
    for (const [id, cron] of Object.entries(CRONS)) expect(byId.get(id)!.triggers).toEqual([{ cron }]);
    expect(byId.get("onquota-send-weekly-summary")!.triggers).toEqual([{ event: "app/weekly-summary.requested" }]);
    const sender = byId.get("onquota-send-notification-email")!;
    expect(sender.triggers).toEqual([{ event: "app/notification.email.requested" }]);
    expect(sender.steps.step!.runtime.url).toBe(`${SERVE_URL}?fnId=onquota-send-notification-email&stepId=step`);
    expect(sender.steps.step).toMatchObject({ retries: { attempts: 5 } });
    expect(sender.throttle).toEqual({ limit: 2, period: "1s" });
    expect(sender.batchEvents).toEqual({ maxSize: 100, timeout: "2s" });
    expect(byId.get("onquota-send-weekly-summary")).toMatchObject({ idempotency: "event.data.userId + '/' + event.data.weekStart" });
  });
});

describe("PUT /api/inngest when Inngest refuses the registration", () => {
  it("answers 502 problem+json saying why", async () => {
    fake.failRegistration = true;
    try {
      const response = await route.PUT(new Request(SERVE_URL, { method: "PUT" }), undefined);
      expect(response.status).toBe(502);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect((await response.json()).detail).toMatch(/^Registering the functions with Inngest failed: .*signing key does not match/);
    } finally {
      fake.failRegistration = false;
    }
  });
});

describe("POST /api/inngest", () => {
  it("runs check-overdue-opportunities step by step: 206 with the step's result, then 200", async () => {
    const client = await createTestClient(t.tenantId, "Proseware");
    const deal = await insertOpportunity(t.tenantId, client.id, t.rep.userId, "1999-12-29", { name: "Route Deal" });
    const event = {
      name: "inngest/scheduled.timer",
      data: { cron: CRONS["onquota-check-overdue-opportunities"]! },
      ts: Date.parse("2000-01-03T10:00:00Z"),
    };

    const run = await executeFunction(route.POST, SERVE_URL, "onquota-check-overdue-opportunities", event);
    expect(run.responses.map((response) => response.status)).toEqual([206, 200]);
    const [op] = run.ops;
    expect(op).toMatchObject({
      op: "StepRun",
      name: "check-overdue-opportunities",
      data: { overdue: expect.any(Number), notified: expect.any(Number) },
    });
    expect(run.result).toEqual(op!.data);

    const rows = await notificationsOf(t.tenantId, { category: "OPPORTUNITY" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: t.rep.userId, relatedEntityId: deal.id, title: "Opportunity 5 days overdue: Route Deal" });
  });

  it("answers an unknown function with 404 problem+json, not a 500", async () => {
    const response = await route.POST(
      new Request(`${SERVE_URL}?fnId=onquota-nope&stepId=step`, {
        method: "POST",
        body: JSON.stringify({ event: {}, steps: {}, ctx: { run_id: "x" }, version: 2 }),
      }),
      undefined,
    );
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await response.json()).detail).toContain('Function "onquota-nope" was not found');
  });
});

describe("events through Inngest", () => {
  it("queues one event per notification email, keyed by notification id", async () => {
    const { requestNotificationEmails } = await import("@/lib/jobs");
    const ids = ["6f1c2b9e-1d2a-4c3b-8e4f-5a6b7c8d9e01", "6f1c2b9e-1d2a-4c3b-8e4f-5a6b7c8d9e02"];
    expect(await requestNotificationEmails(ids)).toEqual({ queued: 2, sent: 0, failed: 0, skipped: 0 });
    expect(fake.events).toEqual(
      ids.map((notificationId) =>
        expect.objectContaining({
          name: "app/notification.email.requested",
          id: `notification-email/${notificationId}`,
          data: { notificationId },
        }),
      ),
    );
    expect(email.deliverNotificationEmails).not.toHaveBeenCalled();
  });

  it("delivers inline when Inngest cannot be reached", async () => {
    const { requestNotificationEmails } = await import("@/lib/jobs");
    fake.failEvents = true;
    const ids = ["6f1c2b9e-1d2a-4c3b-8e4f-5a6b7c8d9e03"];
    expect(await requestNotificationEmails(ids)).toEqual({ queued: 0, sent: 1, failed: 0, skipped: 0 });
    expect(email.deliverNotificationEmails).toHaveBeenCalledWith(ids, expect.anything());
  });

  it("the weekly-summary job queues one event per active user of the tenant", async () => {
    const { weeklySummary } = await import("@/lib/jobs");
    const result = await weeklySummary(fixedClock("2000-01-05T12:00:00Z"), { tenantId: t.tenantId });
    expect(result).toEqual({ weekStart: "2000-01-03", users: 4, queued: 4, sent: 0, alreadySent: 0, failed: 0, skipped: 0 });
    expect(fake.events.map((event) => event.data.userId).sort()).toEqual(
      [t.admin.userId, t.supervisor.userId, t.rep.userId, t.otherRep.userId].sort(),
    );
    expect(
      fake.events.every(
        (event) => event.name === "app/weekly-summary.requested" && event.id === `weekly-summary/${event.data.userId}/2000-01-03`,
      ),
    ).toBe(true);
  });
});
