/**
 * The daily checks and the monthly cleanup, on a known data set, as of a fixed clock. Each runs for the test's
 * own tenant (`{ tenantId }`) so that other test files' rows never change the counts. Email delivery is the
 * email module's business: here it is replaced by a spy that records which notifications were handed over.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addDays, fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import {
  checkExpiredQuotes,
  checkOverdueOpportunities,
  checkPendingMaintenance,
  cleanupOldNotifications,
  maintenanceMessage,
} from "@/lib/jobs";
import { createTestClient, createTestTenant, createTestUser, type TestTenant } from "../helpers/fixtures";
import { insertOpportunity, insertQuote, insertVehicle, notificationsOf } from "./jobs-data";

const email = vi.hoisted(() => ({
  deliverNotificationEmails: vi.fn(async (ids: string[]) => ({ sent: ids.length, failed: 0, skipped: 0 })),
  retryDueEmails: vi.fn(async () => ({ sent: 0, failed: 0, skipped: 0 })),
  sendWeeklySummaryEmail: vi.fn(async () => ({ ok: true })),
}));
vi.mock("@/lib/email", () => email);

const MONDAY = fixedClock("2026-03-02T10:00:00Z");
const TUESDAY = fixedClock("2026-03-03T10:00:00Z");

for (const key of ["INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete process.env[key];

beforeEach(() => {
  email.deliverNotificationEmails.mockClear();
});

const emailedIds = () => email.deliverNotificationEmails.mock.calls.flatMap(([ids]) => ids);

describe("check-expired-quotes", () => {
  let t: TestTenant;
  let quotes: Record<string, string>;

  beforeAll(async () => {
    t = await createTestTenant("Expired quotes");
    const client = await createTestClient(t.tenantId, "Northwind Traders");
    const [expired, expiredOther, today, accepted, deleted] = await Promise.all([
      insertQuote(t.tenantId, client.id, t.rep.userId, "2026-02-27", { number: "Q-1001", amount: "12000.00" }),
      insertQuote(t.tenantId, client.id, t.otherRep.userId, "2026-03-01", { number: "Q-1002" }),
      insertQuote(t.tenantId, client.id, t.rep.userId, "2026-03-02", { number: "Q-1003" }),
      insertQuote(t.tenantId, client.id, t.rep.userId, "2026-02-01", { number: "Q-1004", status: "ACCEPTED" }),
      insertQuote(t.tenantId, client.id, t.rep.userId, "2026-02-01", { number: "Q-1005", isDeleted: true }),
    ]);
    quotes = {
      expired: expired.id,
      expiredOther: expiredOther.id,
      today: today.id,
      accepted: accepted.id,
      deleted: deleted.id,
      clientId: client.id,
    };
  });

  it("warns each quote's sales rep about SENT quotes past valid_until, and asks for them to be emailed", async () => {
    const result = await checkExpiredQuotes(MONDAY, { tenantId: t.tenantId });
    expect(result).toEqual({ expired: 2, notified: 2, alreadyNotified: 0, emails: { queued: 0, sent: 2, failed: 0, skipped: 0 } });

    const rows = await notificationsOf(t.tenantId, { category: "QUOTE" });
    expect(rows.map((row) => row.relatedEntityId).sort()).toEqual([quotes.expired, quotes.expiredOther].sort());
    const mine = rows.find((row) => row.relatedEntityId === quotes.expired)!;
    expect(mine).toMatchObject({
      userId: t.rep.userId,
      type: "WARNING",
      category: "QUOTE",
      title: "Quote Q-1001 has expired",
      actionUrl: `/quotes/${quotes.expired}`,
      actionLabel: "View quote",
      relatedEntityType: "quote",
      dedupeKey: `expired-quote:${quotes.expired}`,
    });
    expect(mine.message).toBe(
      "Quote Q-1001 for Northwind Traders ($12,000.00) expired on Feb 27, 2026 (3 days ago) and is still marked as sent. " +
        "Follow up with the client, or update the quote.",
    );
    expect(rows.find((row) => row.relatedEntityId === quotes.expiredOther)!.userId).toBe(t.otherRep.userId);
    expect(emailedIds().sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it("creates nothing twice: not the same day, not on later days (once per quote)", async () => {
    const before = await notificationsOf(t.tenantId, { category: "QUOTE" });
    expect(await checkExpiredQuotes(MONDAY, { tenantId: t.tenantId })).toMatchObject({ expired: 2, notified: 0, alreadyNotified: 2 });
    expect(await checkExpiredQuotes(TUESDAY, { tenantId: t.tenantId })).toMatchObject({ expired: 3, notified: 1, alreadyNotified: 2 });
    const after = await notificationsOf(t.tenantId, { category: "QUOTE" });
    expect(after).toHaveLength(before.length + 1);
    expect(after.map((row) => row.relatedEntityId)).toContain(quotes.today);
    expect(emailedIds()).toHaveLength(1);
  });
});

describe("check-overdue-opportunities", () => {
  let t: TestTenant;
  let deals: Record<string, string>;

  beforeAll(async () => {
    t = await createTestTenant("Overdue deals");
    const client = await createTestClient(t.tenantId, "Contoso Ltd");
    const leaver = await createTestUser(t.tenantId, "SALES_REP", "Leaver");
    await db().user.update({ where: { id: leaver.userId }, data: { isActive: false } });
    const [three, one, won, lost, deleted, today, inactive] = await Promise.all([
      insertOpportunity(t.tenantId, client.id, t.rep.userId, "2026-02-27", { name: "Fleet Renewal", value: "50000.00" }),
      insertOpportunity(t.tenantId, client.id, t.otherRep.userId, "2026-03-01", { name: "Support Plan", stage: "NEGOTIATION" }),
      insertOpportunity(t.tenantId, client.id, t.rep.userId, "2026-02-01", { stage: "CLOSED_WON", closedOn: "2026-02-01" }),
      insertOpportunity(t.tenantId, client.id, t.rep.userId, "2026-02-01", { stage: "CLOSED_LOST", closedOn: "2026-02-01" }),
      insertOpportunity(t.tenantId, client.id, t.rep.userId, "2026-02-01", { isDeleted: true }),
      insertOpportunity(t.tenantId, client.id, t.rep.userId, "2026-03-02"),
      insertOpportunity(t.tenantId, client.id, leaver.userId, "2026-02-01"),
    ]);
    deals = { three: three.id, one: one.id, won: won.id, lost: lost.id, deleted: deleted.id, today: today.id, inactive: inactive.id };
  });

  it("reminds the assignee of each open, live deal past its expected close date, with the days overdue, and asks for them to be emailed", async () => {
    const result = await checkOverdueOpportunities(MONDAY, { tenantId: t.tenantId });
    expect(result).toEqual({ overdue: 2, notified: 2, alreadyNotified: 0, emails: { queued: 0, sent: 2, failed: 0, skipped: 0 } });

    const rows = await notificationsOf(t.tenantId, { category: "OPPORTUNITY" });
    expect(rows).toHaveLength(2);
    expect(emailedIds().sort()).toEqual(rows.map((row) => row.id).sort());
    expect(rows.every((row) => row.emailRequested)).toBe(true);
    const three = rows.find((row) => row.relatedEntityId === deals.three)!;
    expect(three).toMatchObject({
      userId: t.rep.userId,
      type: "WARNING",
      title: "Opportunity 3 days overdue: Fleet Renewal",
      actionUrl: `/opportunities/${deals.three}`,
      relatedEntityType: "opportunity",
      dedupeKey: `overdue-opportunity:${deals.three}:2026-03-02`,
    });
    expect(three.message).toContain("expected to close on Feb 27, 2026 and is 3 days overdue");
    expect(three.message).toContain("Contoso Ltd ($50,000.00)");
    const one = rows.find((row) => row.relatedEntityId === deals.one)!;
    expect(one.userId).toBe(t.otherRep.userId);
    expect(one.message).toContain("is 1 day overdue");
  });

  it("runs twice the same day without duplicates, and reminds again the next day", async () => {
    expect(await checkOverdueOpportunities(MONDAY, { tenantId: t.tenantId })).toMatchObject({
      overdue: 2,
      notified: 0,
      alreadyNotified: 2,
    });
    expect(await notificationsOf(t.tenantId, { category: "OPPORTUNITY" })).toHaveLength(2);
    expect(email.deliverNotificationEmails).not.toHaveBeenCalled();

    expect(await checkOverdueOpportunities(TUESDAY, { tenantId: t.tenantId })).toMatchObject({
      overdue: 3,
      notified: 3,
      alreadyNotified: 0,
    });
    const tuesday = (await notificationsOf(t.tenantId, { category: "OPPORTUNITY" })).filter((row) =>
      row.dedupeKey?.endsWith(":2026-03-03"),
    );
    expect(tuesday.map((row) => row.relatedEntityId).sort()).toEqual([deals.three, deals.one, deals.today].sort());
    expect(tuesday.find((row) => row.relatedEntityId === deals.three)!.message).toContain("4 days overdue");
    expect(emailedIds().sort()).toEqual(tuesday.map((row) => row.id).sort());
  });

  it("writes the whole message, thousands separators included, and clips a long title to 200 characters with …", async () => {
    const own = await createTestTenant("Overdue texts");
    const client = await createTestClient(own.tenantId, "Fabrikam, Inc.");
    const name = `Global "Rollout" ${"x".repeat(180)}`;
    const deal = await insertOpportunity(own.tenantId, client.id, own.rep.userId, "2026-03-01", { name, value: "1234567890.05" });
    expect(await checkOverdueOpportunities(MONDAY, { tenantId: own.tenantId })).toMatchObject({ overdue: 1, notified: 1 });
    const [row] = await notificationsOf(own.tenantId, { category: "OPPORTUNITY" });
    expect(row!.title).toBe(`Opportunity 1 day overdue: ${name}`.slice(0, 199) + "…");
    expect(row!.title).toHaveLength(200);
    expect(row!.message).toBe(
      `"${name}" for Fabrikam, Inc. ($1,234,567,890.05) was expected to close on Mar 1, 2026 and is 1 day overdue. ` +
        "Move it forward, close it, or update its expected close date.",
    );
    expect(row).toMatchObject({
      actionLabel: "View opportunity",
      relatedEntityId: deal.id,
      dedupeKey: `overdue-opportunity:${deal.id}:2026-03-02`,
    });
  });
});

describe("check-pending-maintenance", () => {
  let fleet: TestTenant;
  let calm: TestTenant;
  let inactiveSupervisorId: string;
  let deliveryVanId: string;
  let pickupId: string;

  beforeAll(async () => {
    [fleet, calm] = await Promise.all([createTestTenant("Fleet"), createTestTenant("Calm fleet")]);
    const inactive = await createTestUser(calm.tenantId, "SUPERVISOR");
    await db().user.update({ where: { id: inactive.userId }, data: { isActive: false } });
    inactiveSupervisorId = inactive.userId;
    const [van, , , , pickup] = await Promise.all([
      insertVehicle(fleet.tenantId, "Delivery Van", "VAN-001", "2026-02-27"),
      insertVehicle(fleet.tenantId, "Box Truck", "TRK-002", "2026-03-09"),
      insertVehicle(fleet.tenantId, "Sedan", "CAR-003", "2026-03-10"),
      insertVehicle(fleet.tenantId, "Scrapped Van", "OLD-004", "2026-01-01", { isDeleted: true }),
      insertVehicle(calm.tenantId, "Pickup", "PCK-100", "2026-03-02"),
      insertVehicle(calm.tenantId, "Minibus", "BUS-101", "2026-03-05"),
    ]);
    deliveryVanId = van.id;
    pickupId = pickup.id;
  });

  it("sends one digest per tenant to each active admin and supervisor: ERROR when one is overdue, else WARNING", async () => {
    const [first, second] = await Promise.all([
      checkPendingMaintenance(MONDAY, { tenantId: fleet.tenantId }),
      checkPendingMaintenance(MONDAY, { tenantId: calm.tenantId }),
    ]);
    expect(first).toEqual({
      tenants: 1,
      vehicles: 2,
      overdue: 1,
      notified: 2,
      alreadyNotified: 0,
      emails: { queued: 0, sent: 2, failed: 0, skipped: 0 },
    });
    expect(second).toMatchObject({ tenants: 1, vehicles: 2, overdue: 0, notified: 2 });

    const fleetRows = await notificationsOf(fleet.tenantId, { category: "MAINTENANCE" });
    expect(fleetRows.map((row) => row.userId).sort()).toEqual([fleet.admin.userId, fleet.supervisor.userId].sort());
    for (const row of fleetRows) {
      expect(row).toMatchObject({
        type: "ERROR",
        title: "Maintenance overdue for 1 vehicle",
        actionUrl: `/vehicles/${deliveryVanId}`,
        actionLabel: "View Delivery Van",
        relatedEntityType: "vehicle",
        relatedEntityId: deliveryVanId,
        dedupeKey: `maintenance:${fleet.tenantId}:2026-03-02`,
      });
      expect(row.message).toBe(
        [
          "2 vehicles need maintenance within 7 days (1 overdue):",
          "• Delivery Van (VAN-001): Feb 27, 2026, overdue by 3 days",
          "• Box Truck (TRK-002): Mar 9, 2026, due in 7 days",
        ].join("\n"),
      );
    }
    const calmRows = await notificationsOf(calm.tenantId, { category: "MAINTENANCE" });
    expect(calmRows.map((row) => row.userId).sort()).toEqual([calm.admin.userId, calm.supervisor.userId].sort());
    expect(calmRows.map((row) => row.userId)).not.toContain(inactiveSupervisorId);
    expect(calmRows[0]).toMatchObject({
      type: "WARNING",
      title: "Maintenance due soon for 2 vehicles",
      actionUrl: `/vehicles/${pickupId}`,
      actionLabel: "View Pickup",
    });
    expect(calmRows[0]!.message).toContain("• Pickup (PCK-100): Mar 2, 2026, due today");
    expect(calmRows[0]!.message).toContain("• Minibus (BUS-101): Mar 5, 2026, due in 3 days");
    expect(emailedIds().sort()).toEqual([...fleetRows, ...calmRows].map((row) => row.id).sort());
  });

  it("creates nothing twice the same day; the next day brings a new digest", async () => {
    expect(await checkPendingMaintenance(MONDAY, { tenantId: fleet.tenantId })).toMatchObject({ notified: 0, alreadyNotified: 2 });
    expect(await notificationsOf(fleet.tenantId, { category: "MAINTENANCE" })).toHaveLength(2);
    expect(email.deliverNotificationEmails).not.toHaveBeenCalled();
    expect(await checkPendingMaintenance(TUESDAY, { tenantId: fleet.tenantId })).toMatchObject({ vehicles: 3, overdue: 1, notified: 2 });
  });

  it("lists at most 25 vehicles and counts the rest", () => {
    const vehicles = Array.from({ length: 25 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      name: `Van ${i}`,
      plate_number: `P-${i}`,
      due_date: "2026-03-03",
      days_overdue: -1,
    }));
    const message = maintenanceMessage({ due: 30, overdue: 0, vehicles });
    expect(message.split("\n")).toHaveLength(27);
    expect(message.endsWith("…and 5 more.")).toBe(true);
  });
});

describe("cleanup-old-notifications", () => {
  it("soft-deletes read notifications older than 90 days and keeps unread and recent ones", async () => {
    const t = await createTestTenant("Cleanup");
    // The cleanup covers every tenant: a date long past keeps it away from other test files' notifications.
    const now = new Date("2000-03-01T02:00:00Z");
    const make = (title: string, ageDays: number, isRead: boolean) =>
      db().notification.create({
        data: {
          tenantId: t.tenantId,
          userId: t.rep.userId,
          title,
          message: title,
          isRead,
          readAt: isRead ? now : null,
          createdAt: addDays(now, -ageDays),
        },
      });
    const [oldRead, oldUnread, recentRead, edge] = await Promise.all([
      make("old read", 120, true),
      make("old unread", 120, false),
      make("recent read", 30, true),
      make("89 days, read", 89, true),
    ]);

    const result = await cleanupOldNotifications(fixedClock(now));
    expect(result.olderThanDays).toBe(90);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    const rows = await db().notification.findMany({
      where: { tenantId: t.tenantId },
      select: { id: true, isDeleted: true, deletedAt: true },
    });
    const state = new Map(rows.map((row) => [row.id, row]));
    expect(state.get(oldRead.id)).toMatchObject({ isDeleted: true, deletedAt: now });
    expect(state.get(oldUnread.id)!.isDeleted).toBe(false);
    expect(state.get(recentRead.id)!.isDeleted).toBe(false);
    expect(state.get(edge.id)!.isDeleted).toBe(false);

    await cleanupOldNotifications(fixedClock(now));
    expect((await db().notification.findMany({ where: { tenantId: t.tenantId, isDeleted: true } })).map((row) => row.id)).toEqual([
      oldRead.id,
    ]);
  });
});
