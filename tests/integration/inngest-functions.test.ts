/**
 * Each Inngest function run through @inngest/test's InngestTestEngine against the real database. The cron
 * functions check every tenant, so their runs are dated in January 2000 (the timer event's `ts`) and this
 * file's rows sit just before it: no other test file has rows that old. `step.sendEvent` is mocked by its
 * step id (the engine does not mock it), and the email module is a spy.
 */
import { InngestTestEngine } from "@inngest/test";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/prisma";
import { inngestFunction } from "@/inngest/functions";
import { createTestClient, createTestTenant, type TestTenant } from "../helpers/fixtures";
import { insertOpportunity, insertQuote, insertVehicle, notificationsOf } from "./jobs-data";

const email = vi.hoisted(() => ({
  deliverNotificationEmails: vi.fn(async (ids: string[], _options?: { throwOnFailure?: boolean | "any" }) => ({
    sent: ids.length,
    failed: 0,
    skipped: 0,
  })),
  retryDueEmails: vi.fn(async () => ({ sent: 0, failed: 0, skipped: 0 })),
  sendWeeklySummaryEmail: vi.fn(async (): Promise<{ ok: boolean; error?: string }> => ({ ok: true })),
}));
vi.mock("@/lib/email", () => email);

for (const key of ["INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete process.env[key];

const timer = (iso: string) =>
  [{ name: "inngest/scheduled.timer", data: { cron: "TZ=UTC" }, ts: Date.parse(iso) }] as [
    { name: string; data: Record<string, unknown>; ts: number },
  ];

let t: TestTenant;
let quoteId: string;
let opportunityId: string;

beforeAll(async () => {
  t = await createTestTenant("Inngest functions");
  const client = await createTestClient(t.tenantId, "Litware");
  const [quote, opportunity] = await Promise.all([
    insertQuote(t.tenantId, client.id, t.rep.userId, "1999-12-30", { number: "Q-Y2K" }),
    insertOpportunity(t.tenantId, client.id, t.rep.userId, "1999-12-31", { name: "Millennium Deal" }),
    insertVehicle(t.tenantId, "Old Van", "Y2K-001", "1999-12-31"),
  ]);
  quoteId = quote.id;
  opportunityId = opportunity.id;
});

beforeEach(() => {
  email.deliverNotificationEmails.mockClear();
  email.sendWeeklySummaryEmail.mockClear();
});

describe("cron functions", () => {
  it("check-expired-quotes runs the check in one step as of the scheduled instant", async () => {
    const { result, error, ctx } = await new InngestTestEngine({ function: inngestFunction("check-expired-quotes") }).execute({
      events: timer("2000-01-03T09:00:00Z"),
    });
    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith("check-expired-quotes", expect.any(Function));
    expect(result).toMatchObject({ expired: expect.any(Number), notified: expect.any(Number) });
    const [row] = await notificationsOf(t.tenantId, { category: "QUOTE" });
    expect(row).toMatchObject({ userId: t.rep.userId, relatedEntityId: quoteId, type: "WARNING" });
    expect(row!.message).toContain("expired on Dec 30, 1999 (4 days ago)");
    expect(email.deliverNotificationEmails.mock.calls.flatMap(([ids]) => ids)).toContain(row!.id);
  });

  it("check-pending-maintenance notifies the tenant's managers", async () => {
    const { result, error, ctx } = await new InngestTestEngine({ function: inngestFunction("check-pending-maintenance") }).execute({
      events: timer("2000-01-03T08:00:00Z"),
    });
    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith("check-pending-maintenance", expect.any(Function));
    expect(result).toMatchObject({ tenants: expect.any(Number), overdue: expect.any(Number) });
    const rows = await notificationsOf(t.tenantId, { category: "MAINTENANCE" });
    expect(rows.map((row) => row.userId).sort()).toEqual([t.admin.userId, t.supervisor.userId].sort());
    expect(rows[0]).toMatchObject({ type: "ERROR", dedupeKey: `maintenance:${t.tenantId}:2000-01-03` });
  });

  it("check-overdue-opportunities reminds the assignee, and a second run creates nothing", async () => {
    // A fresh engine per run: an engine memoizes its steps' results across executions.
    const engine = () =>
      new InngestTestEngine({ function: inngestFunction("check-overdue-opportunities"), events: timer("2000-01-03T10:00:00Z") });
    const first = await engine().execute();
    expect(first.error).toBeUndefined();
    const rows = await notificationsOf(t.tenantId, { category: "OPPORTUNITY" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: t.rep.userId,
      relatedEntityId: opportunityId,
      title: "Opportunity 3 days overdue: Millennium Deal",
    });

    const second = await engine().execute();
    expect(second.result).toMatchObject({ notified: 0, alreadyNotified: expect.any(Number) });
    expect(await notificationsOf(t.tenantId, { category: "OPPORTUNITY" })).toHaveLength(1);
  });

  it("cleanup-old-notifications soft-deletes old read notifications", async () => {
    const created = new Date("1994-06-01T00:00:00Z");
    const [read, unread] = await Promise.all([
      db().notification.create({
        data: {
          tenantId: t.tenantId,
          userId: t.rep.userId,
          title: "old",
          message: "old",
          isRead: true,
          readAt: created,
          createdAt: created,
        },
      }),
      db().notification.create({
        data: { tenantId: t.tenantId, userId: t.rep.userId, title: "old unread", message: "old", createdAt: created },
      }),
    ]);
    const { result, error, ctx } = await new InngestTestEngine({ function: inngestFunction("cleanup-old-notifications") }).execute({
      events: timer("1995-01-01T02:00:00Z"),
    });
    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith("cleanup-old-notifications", expect.any(Function));
    expect(result).toMatchObject({ olderThanDays: 90 });
    expect((await db().notification.findUniqueOrThrow({ where: { id: read.id } })).isDeleted).toBe(true);
    expect((await db().notification.findUniqueOrThrow({ where: { id: unread.id } })).isDeleted).toBe(false);
  });

  it("prune-rate-limits deletes rate-limit buckets untouched for an hour before the scheduled time", async () => {
    const [old, live] = ["login:address:192.0.2.250", "login:address:192.0.2.251"];
    await db().$executeRaw`INSERT INTO rate_limit_buckets (key, count, window_start, updated_at)
      VALUES (${old}, 4, '1995-01-01T00:59:00Z', '1995-01-01T00:59:00Z'), (${live}, 4, '1995-01-01T01:30:00Z', '1995-01-01T01:30:00Z')`;
    const { result, error, ctx } = await new InngestTestEngine({ function: inngestFunction("prune-rate-limits") }).execute({
      events: timer("1995-01-01T02:00:00Z"),
    });
    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith("prune-rate-limits", expect.any(Function));
    expect(result).toEqual({ deleted: 1 });
    const left = await db().$queryRaw<{ key: string }[]>`SELECT key FROM rate_limit_buckets WHERE key IN (${old}, ${live})`;
    expect(left.map((r) => r.key)).toEqual([live]);
  });
});

describe("weekly summary", () => {
  it("fans out one event per active user with step.sendEvent (mocked), keyed by user and week", async () => {
    const { result, error, ctx } = await new InngestTestEngine({ function: inngestFunction("weekly-summary") }).execute({
      events: timer("2000-01-03T07:00:00Z"),
      steps: [{ id: "request-summaries-0", handler: () => ({ ids: [] }) }],
    });
    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith("active-users-0", expect.any(Function));
    const calls = (
      ctx.step.sendEvent as unknown as {
        mock: { calls: Array<[string, Array<{ name: string; id: string; data: { userId: string; weekStart: string } }>]> };
      }
    ).mock.calls;
    expect(calls).toHaveLength(1);
    const [stepId, events] = calls[0]!;
    expect(stepId).toBe("request-summaries-0");
    const mine = events.filter((event) => [t.admin, t.supervisor, t.rep, t.otherRep].some((user) => user.userId === event.data.userId));
    expect(mine).toHaveLength(4);
    for (const event of mine) {
      expect(event).toMatchObject({
        name: "app/weekly-summary.requested",
        id: `weekly-summary/${event.data.userId}/2000-01-03`,
        data: { userId: event.data.userId, weekStart: "2000-01-03" },
      });
    }
    expect(result).toEqual({ weekStart: "2000-01-03", queued: events.length });
    expect(email.sendWeeklySummaryEmail).not.toHaveBeenCalled();
  });

  it("send-weekly-summary builds, records and emails one user's summary, once", async () => {
    const engine = () =>
      new InngestTestEngine({
        function: inngestFunction("send-weekly-summary"),
        events: [{ name: "app/weekly-summary.requested", data: { userId: t.rep.userId, weekStart: "2000-01-03" } }],
      });
    const first = await engine().execute();
    expect(first.error).toBeUndefined();
    expect(first.result).toEqual({ status: "sent" });
    expect(email.sendWeeklySummaryEmail).toHaveBeenCalledTimes(1);
    expect(
      await db().notification.count({ where: { userId: t.rep.userId, dedupeKey: "weekly-summary:2000-01-03", emailSent: true } }),
    ).toBe(1);

    expect((await engine().execute()).result).toEqual({ status: "already-sent" });
    expect(email.sendWeeklySummaryEmail).toHaveBeenCalledTimes(1);
  });

  it("send-weekly-summary fails the step (for Inngest to retry) when the email cannot be sent", async () => {
    email.sendWeeklySummaryEmail.mockResolvedValueOnce({ ok: false, error: "SMTP says no" });
    const { error } = await new InngestTestEngine({
      function: inngestFunction("send-weekly-summary"),
      events: [{ name: "app/weekly-summary.requested", data: { userId: t.otherRep.userId, weekStart: "2000-01-03" } }],
    }).execute();
    expect(JSON.stringify(error)).toContain("SMTP says no");
  });
});

describe("send-notification-email", () => {
  it("delivers a batch of events' notifications in one call, throwing on any failure so that Inngest retries", async () => {
    const notifications = await Promise.all(
      ["Mail me", "Mail me too"].map((title) =>
        db().notification.create({ data: { tenantId: t.tenantId, userId: t.rep.userId, title, message: title } }),
      ),
    );
    const engine = () =>
      new InngestTestEngine({
        function: inngestFunction("send-notification-email"),
        events: notifications.map((notification) => ({
          name: "app/notification.email.requested",
          data: { notificationId: notification.id },
        })) as [{ name: string; data: { notificationId: string } }],
      });
    const ok = await engine().execute();
    expect(ok.error).toBeUndefined();
    expect(ok.result).toEqual({ sent: 2, failed: 0, skipped: 0 });
    expect(email.deliverNotificationEmails).toHaveBeenCalledTimes(1);
    expect(email.deliverNotificationEmails).toHaveBeenCalledWith(
      notifications.map((notification) => notification.id),
      { throwOnFailure: "any" },
    );

    email.deliverNotificationEmails.mockRejectedValueOnce(new Error("Resend: rate limited"));
    const failed = await engine().execute();
    expect(JSON.stringify(failed.error)).toContain("rate limited");
  });
});
