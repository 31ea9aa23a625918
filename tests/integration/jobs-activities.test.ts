/**
 * check-due-activities and check-stale-deals on known data, as of fixed clocks, for the test's own tenant. Email
 * delivery is replaced by a spy (as in jobs-checks.test.ts); running a check twice must create nothing new.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { checkDueActivities, checkStaleDeals } from "@/lib/jobs";
import { put } from "../helpers/api";
import { createOpp, createWorld, type OppWorld } from "./opportunities-helpers";

const email = vi.hoisted(() => ({
  deliverNotificationEmails: vi.fn(async (ids: string[]) => ({ sent: ids.length, failed: 0, skipped: 0 })),
  retryDueEmails: vi.fn(async () => ({ sent: 0, failed: 0, skipped: 0 })),
  sendWeeklySummaryEmail: vi.fn(async () => ({ ok: true })),
}));
vi.mock("@/lib/email", async (original) => ({ ...(await original<object>()), ...email }));

for (const key of ["INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete process.env[key];

const NOW = new Date("2030-06-03T10:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const notices = (tenantId: string, prefix: string) =>
  db().notification.findMany({ where: { tenantId, dedupeKey: { startsWith: prefix } }, orderBy: { title: "asc" } });

describe("check-due-activities", () => {
  let w: OppWorld;
  let dealId: string;
  beforeAll(async () => {
    w = await createWorld("Due activities job");
    dealId = (await createOpp(w, w.rep.token, { name: "Renewal" })).id;
    const base = { tenantId: w.tenantId, opportunityId: dealId, clientId: w.clientId, type: "CALL" as const, createdBy: w.rep.userId };
    await db().activity.createMany({
      data: [
        { ...base, subject: "Soon", dueAt: minutes(10), assignedTo: w.rep.userId },
        { ...base, subject: "Late", dueAt: minutes(-30), assignedTo: w.otherRep.userId },
        { ...base, subject: "Next week", dueAt: minutes(7 * 24 * 60), assignedTo: w.rep.userId },
        { ...base, subject: "Done", dueAt: minutes(5), doneAt: minutes(-5), assignedTo: w.rep.userId },
        { ...base, subject: "Long gone", dueAt: minutes(-3 * 24 * 60), assignedTo: w.rep.userId },
      ],
    });
  });

  it("tells each assignee of what comes due and what went overdue, once per due time", async () => {
    const first = await checkDueActivities(fixedClock(NOW), { tenantId: w.tenantId });
    expect(first).toMatchObject({ comingDue: 1, overdue: 1, notified: 2, alreadyNotified: 0 });
    const rows = await notices(w.tenantId, "activity-");
    expect(rows.map((n) => [n.userId, n.title, n.type])).toEqual([
      [w.rep.userId, "Coming up: Soon", "INFO"],
      [w.otherRep.userId, "Overdue: Late", "WARNING"],
    ]);
    expect(rows[0]!.actionUrl).toBe(`/opportunities/${dealId}`);

    const second = await checkDueActivities(fixedClock(NOW), { tenantId: w.tenantId });
    expect(second).toMatchObject({ notified: 0, alreadyNotified: 2 });
    expect(await notices(w.tenantId, "activity-")).toHaveLength(2);
  });

  it("tells again of an activity moved to a new due time", async () => {
    const soon = await db().activity.findFirstOrThrow({ where: { tenantId: w.tenantId, subject: "Soon" } });
    await put(`/activities/${soon.id}`, { due_at: minutes(12).toISOString() }, { token: w.rep.token });
    const again = await checkDueActivities(fixedClock(NOW), { tenantId: w.tenantId });
    expect(again).toMatchObject({ notified: 1, alreadyNotified: 1 });
  });
});

describe("check-stale-deals", () => {
  let w: OppWorld;
  beforeAll(async () => {
    w = await createWorld("Stale deals job");
    await put("/pipeline/stages", { stages: [{ stage: "PROPOSAL", stale_after_days: 7 }] }, { token: w.admin.token });
  });

  it("tells the owner once per stale spell; a new activity then staleness again starts a new spell", async () => {
    const stale = await createOpp(w, w.rep.token, { name: "Sleepy", stage: "PROPOSAL" });
    const fresh = await createOpp(w, w.rep.token, { name: "Fresh", stage: "PROPOSAL" });
    const at = (days: number) => new Date(Date.now() - days * 86_400_000);
    await db().opportunity.update({ where: { id: stale.id }, data: { stageEnteredAt: at(20) } });
    await db().opportunity.update({ where: { id: fresh.id }, data: { stageEnteredAt: at(3) } });
    const clock = fixedClock(new Date());

    const first = await checkStaleDeals(clock, { tenantId: w.tenantId });
    expect(first).toMatchObject({ stale: 1, notified: 1, alreadyNotified: 0 });
    const [notice] = await notices(w.tenantId, "stale-deal:");
    expect(notice).toMatchObject({ userId: w.rep.userId, title: "Stale deal: Sleepy", actionUrl: `/opportunities/${stale.id}` });
    expect(notice!.message).toContain("20 days in Proposal");

    expect(await checkStaleDeals(clock, { tenantId: w.tenantId })).toMatchObject({ stale: 1, notified: 0, alreadyNotified: 1 });

    await db().activity.create({
      data: {
        tenantId: w.tenantId,
        opportunityId: stale.id,
        type: "NOTE",
        subject: "Nudged",
        doneAt: at(10),
        assignedTo: w.rep.userId,
        createdBy: w.rep.userId,
      },
    });
    expect(await checkStaleDeals(clock, { tenantId: w.tenantId })).toMatchObject({ stale: 1, notified: 1 });
    expect(await notices(w.tenantId, "stale-deal:")).toHaveLength(2);
  });
});
