/**
 * The weekly summary on a known data set, as of Monday 2026-03-02 (the week before: 2026-02-23 … 2026-03-01):
 * each role's numbers, the notification that records it, and that a re-run sends nothing twice. The email
 * module is replaced by a spy (its templates and sending have their own tests).
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { buildWeeklySummary, sendUserWeeklySummary, weeklySummary, weekStartOf } from "@/lib/jobs";
import { createTestClient, createTestTenant, createTestUser, type TestTenant } from "../helpers/fixtures";
import { insertOpportunity, insertQuote, insertVehicle, notificationsOf } from "./jobs-data";

const email = vi.hoisted(() => ({
  deliverNotificationEmails: vi.fn(async (ids: string[]) => ({ sent: ids.length, failed: 0, skipped: 0 })),
  retryDueEmails: vi.fn(async () => ({ sent: 0, failed: 0, skipped: 0 })),
  sendWeeklySummaryEmail: vi.fn(async (): Promise<{ ok: boolean; error?: string }> => ({ ok: true })),
}));
vi.mock("@/lib/email", () => email);

for (const key of ["INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete process.env[key];

const MONDAY = fixedClock("2026-03-02T07:00:00Z");
const WEEK = "2026-03-02";

let t: TestTenant;

beforeAll(async () => {
  t = await createTestTenant("Weekly");
  const client = await createTestClient(t.tenantId, "Fabrikam");
  const { rep, otherRep } = t;
  await Promise.all([
    // rep: created in the period, one open LEAD (1000 × 10%) and one won in the period (5000)
    insertOpportunity(t.tenantId, client.id, rep.userId, "2026-04-30", {
      stage: "LEAD",
      value: "1000.00",
      probability: "10",
      createdAt: "2026-02-25T12:00:00Z",
    }),
    insertOpportunity(t.tenantId, client.id, rep.userId, "2026-02-26", {
      stage: "CLOSED_WON",
      value: "5000.00",
      createdAt: "2026-02-23T00:00:00Z",
      closedOn: "2026-02-26",
    }),
    // otherRep: an older open NEGOTIATION (2000 × 75%) that is overdue, a win before the period, a loss in it
    insertOpportunity(t.tenantId, client.id, otherRep.userId, "2026-02-20", {
      stage: "NEGOTIATION",
      value: "2000.00",
      probability: "75",
      createdAt: "2026-01-10T09:00:00Z",
    }),
    insertOpportunity(t.tenantId, client.id, otherRep.userId, "2026-02-20", {
      stage: "CLOSED_WON",
      value: "9000.00",
      createdAt: "2026-01-05T09:00:00Z",
      closedOn: "2026-02-22",
    }),
    insertOpportunity(t.tenantId, client.id, otherRep.userId, "2026-02-27", {
      stage: "CLOSED_LOST",
      createdAt: "2026-01-05T09:00:00Z",
      closedOn: "2026-02-27",
    }),
    // created on Monday itself, and a deleted one in the period: neither counts as new
    insertOpportunity(t.tenantId, client.id, otherRep.userId, "2026-05-01", {
      stage: "LEAD",
      value: "100.00",
      probability: "10",
      createdAt: "2026-03-02T06:00:00Z",
    }),
    insertOpportunity(t.tenantId, client.id, rep.userId, "2026-05-01", { createdAt: "2026-02-24T10:00:00Z", isDeleted: true }),
    // quotes: expiring within 7 days (rep, and otherRep on the 7th day), later, accepted, already expired
    insertQuote(t.tenantId, client.id, rep.userId, "2026-03-05"),
    insertQuote(t.tenantId, client.id, otherRep.userId, "2026-03-09"),
    insertQuote(t.tenantId, client.id, rep.userId, "2026-03-10"),
    insertQuote(t.tenantId, client.id, rep.userId, "2026-03-04", { status: "ACCEPTED" }),
    insertQuote(t.tenantId, client.id, rep.userId, "2026-03-01"),
    // vehicles: one due within 7 days, one overdue, one later
    insertVehicle(t.tenantId, "Van", "V-1", "2026-03-04"),
    insertVehicle(t.tenantId, "Truck", "T-1", "2026-02-20"),
    insertVehicle(t.tenantId, "Car", "C-1", "2026-03-20"),
  ]);
});

beforeEach(() => {
  email.sendWeeklySummaryEmail.mockClear();
});

describe("weekStartOf", () => {
  it("is the Monday (UTC) of the instant's week", () => {
    expect(weekStartOf(new Date("2026-03-02T07:00:00Z"))).toBe("2026-03-02");
    expect(weekStartOf(new Date("2026-03-08T23:59:59Z"))).toBe("2026-03-02");
    expect(weekStartOf(new Date("2026-03-04T12:00:00Z"))).toBe("2026-03-02");
    expect(weekStartOf(new Date("2026-03-01T23:00:00Z"))).toBe("2026-02-23");
  });
});

describe("buildWeeklySummary", () => {
  it("gives a rep their own numbers, without maintenance", async () => {
    expect(await buildWeeklySummary(t.rep, WEEK)).toEqual({
      periodStart: "2026-02-23",
      periodEnd: "2026-03-01",
      newOpportunities: 2,
      opportunitiesWon: 1,
      revenue: "5000.00",
      activeOpportunities: 1,
      weightedPipeline: "100.00",
      expiringQuotes: 1,
      overdueOpportunities: 0,
      pendingMaintenance: 0,
      currency: "USD",
    });
    expect(await buildWeeklySummary(t.otherRep, WEEK)).toMatchObject({
      newOpportunities: 0,
      opportunitiesWon: 0,
      revenue: "0.00",
      activeOpportunities: 2,
      weightedPipeline: "1510.00",
      expiringQuotes: 1,
      overdueOpportunities: 1,
      pendingMaintenance: 0,
    });
  });

  it("gives supervisors and admins the tenant's numbers, with vehicles due for maintenance", async () => {
    const expected = {
      periodStart: "2026-02-23",
      periodEnd: "2026-03-01",
      newOpportunities: 2,
      opportunitiesWon: 1,
      revenue: "5000.00",
      activeOpportunities: 3,
      weightedPipeline: "1610.00",
      expiringQuotes: 2,
      overdueOpportunities: 1,
      pendingMaintenance: 2,
      currency: "USD",
    };
    expect(await buildWeeklySummary(t.supervisor, WEEK)).toEqual(expected);
    expect(await buildWeeklySummary(t.admin, WEEK)).toEqual(expected);
  });
});

describe("weekly-summary", () => {
  it("sends every active user their summary once and records it as an INFO notification", async () => {
    const inactive = await createTestUser(t.tenantId, "SALES_REP", "Gone");
    await db().user.update({ where: { id: inactive.userId }, data: { isActive: false } });

    const result = await weeklySummary(MONDAY, { tenantId: t.tenantId });
    expect(result).toEqual({ weekStart: WEEK, users: 4, queued: 0, sent: 4, alreadySent: 0, failed: 0, skipped: 0 });

    const calls = email.sendWeeklySummaryEmail.mock.calls as unknown as Array<
      [{ id: string; email: string }, { newOpportunities: number }, { idempotencyKey: string }]
    >;
    expect(calls.map(([user]) => user.id).sort()).toEqual([t.admin.userId, t.supervisor.userId, t.rep.userId, t.otherRep.userId].sort());
    const toRep = calls.find(([user]) => user.id === t.rep.userId)!;
    expect(toRep[0].email).toBe(t.rep.email);
    expect(toRep[1]).toMatchObject({ newOpportunities: 2, revenue: "5000.00" });
    expect(toRep[2].idempotencyKey).toBe(`weekly-summary/${t.rep.userId}/${WEEK}`);

    const rows = await notificationsOf(t.tenantId, { category: "SYSTEM" });
    expect(rows).toHaveLength(4);
    const repRow = rows.find((row) => row.userId === t.rep.userId)!;
    expect(repRow).toMatchObject({
      type: "INFO",
      dedupeKey: `weekly-summary:${WEEK}`,
      emailSent: true,
      title: "Your weekly summary: Feb 23, 2026 to Mar 1, 2026",
    });
    expect(repRow.message).toBe(
      "Feb 23, 2026 to Mar 1, 2026: 2 new opportunities, 1 won ($5,000.00). Pipeline: 1 active opportunity, $100.00 weighted. " +
        "Needs attention: 1 quote expiring within 7 days, 0 overdue opportunities.",
    );
    expect(rows.find((row) => row.userId === t.admin.userId)!.message).toContain("2 vehicles due for maintenance");
  });

  it("sends nothing twice when run again", async () => {
    const again = await weeklySummary(MONDAY, { tenantId: t.tenantId });
    expect(again).toMatchObject({ users: 4, sent: 0, alreadySent: 4 });
    expect(email.sendWeeklySummaryEmail).not.toHaveBeenCalled();
    expect(await notificationsOf(t.tenantId, { category: "SYSTEM" })).toHaveLength(4);
  });

  it("records a failed send, retries it on the next run, and throws for Inngest when asked to", async () => {
    const newcomer = await createTestUser(t.tenantId, "SALES_REP", "Newcomer");
    email.sendWeeklySummaryEmail.mockResolvedValueOnce({ ok: false, error: "mailbox unavailable" });
    expect(await sendUserWeeklySummary(newcomer.userId, WEEK, { clock: MONDAY })).toEqual({
      status: "failed",
      error: "mailbox unavailable",
    });
    const [row] = await db().notification.findMany({ where: { userId: newcomer.userId, dedupeKey: `weekly-summary:${WEEK}` } });
    expect(row).toMatchObject({ emailSent: false, emailError: "mailbox unavailable" });

    email.sendWeeklySummaryEmail.mockResolvedValueOnce({ ok: false, error: "still down" });
    await expect(sendUserWeeklySummary(newcomer.userId, WEEK, { clock: MONDAY, throwOnFailure: true })).rejects.toThrow("still down");

    expect(await sendUserWeeklySummary(newcomer.userId, WEEK, { clock: MONDAY })).toEqual({ status: "sent" });
    expect(await sendUserWeeklySummary(newcomer.userId, WEEK, { clock: MONDAY })).toEqual({ status: "already-sent" });
    expect(email.sendWeeklySummaryEmail).toHaveBeenCalledTimes(3);
    expect(await db().notification.count({ where: { userId: newcomer.userId, dedupeKey: `weekly-summary:${WEEK}` } })).toBe(1);
  });

  it("records nothing as sent when the user turned these emails off", async () => {
    const quiet = await createTestUser(t.tenantId, "SALES_REP", "Quiet");
    email.sendWeeklySummaryEmail.mockResolvedValueOnce({ ok: true, skipped: true } as { ok: boolean });
    expect(await sendUserWeeklySummary(quiet.userId, WEEK, { clock: MONDAY })).toEqual({ status: "skipped" });
    const [row] = await db().notification.findMany({ where: { userId: quiet.userId, dedupeKey: `weekly-summary:${WEEK}` } });
    expect(row).toMatchObject({ emailSent: false, emailError: null });
  });

  it("skips unknown and inactive users", async () => {
    expect(await sendUserWeeklySummary("00000000-0000-4000-8000-000000000000", WEEK)).toEqual({ status: "skipped" });
  });
});
