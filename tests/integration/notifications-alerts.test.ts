import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { notifyOpportunityAssigned, notifyOpportunityClosed } from "@/lib/notifications";
import { createTestTenant, createTestUser, type TestTenant } from "../helpers/fixtures";

let t: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  [t, other] = await Promise.all([createTestTenant("Alerts"), createTestTenant("Alerts other")]);
});

const forEntity = (id: string) =>
  db().notification.findMany({ where: { relatedEntityType: "opportunity", relatedEntityId: id }, orderBy: { userId: "asc" } });

describe("notifyOpportunityAssigned", () => {
  it("tells the assignee who assigned them which deal, with a link", async () => {
    const opportunity = { id: randomUUID(), name: "Enterprise Software License" };
    const created = await notifyOpportunityAssigned({
      tenantId: t.tenantId,
      opportunity,
      assigneeId: t.rep.userId,
      actorId: t.supervisor.userId,
      actorName: "Sam Supervisor",
    });
    expect(created).toHaveLength(1);
    const [row, ...rest] = await forEntity(opportunity.id);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      tenantId: t.tenantId,
      userId: t.rep.userId,
      type: "INFO",
      category: "OPPORTUNITY",
      title: "New opportunity assigned: Enterprise Software License",
      message: 'Sam Supervisor assigned you the opportunity "Enterprise Software License".',
      actionUrl: `/opportunities/${opportunity.id}`,
      actionLabel: "View opportunity",
      isRead: false,
    });
  });

  it("says nothing when someone assigns a deal to themselves", async () => {
    const opportunity = { id: randomUUID(), name: "Self-assigned" };
    expect(
      await notifyOpportunityAssigned({
        tenantId: t.tenantId,
        opportunity,
        assigneeId: t.rep.userId,
        actorId: t.rep.userId,
        actorName: "Rep",
      }),
    ).toEqual([]);
    expect(await forEntity(opportunity.id)).toEqual([]);
  });

  it("keeps a long deal name's title within 200 characters", async () => {
    const opportunity = { id: randomUUID(), name: "N".repeat(250) };
    await notifyOpportunityAssigned({
      tenantId: t.tenantId,
      opportunity,
      assigneeId: t.rep.userId,
      actorId: t.admin.userId,
      actorName: "Admin",
    });
    const [row] = await forEntity(opportunity.id);
    expect(row!.title).toHaveLength(200);
    expect(row!.title.endsWith("…")).toBe(true);
  });
});

describe("notifyOpportunityClosed", () => {
  it("tells every active supervisor and admin of the tenant about a won deal (SUCCESS, with the value)", async () => {
    const extraSupervisor = await createTestUser(t.tenantId, "SUPERVISOR");
    const inactiveAdmin = await createTestUser(t.tenantId, "ADMIN");
    await db().user.update({ where: { id: inactiveAdmin.userId }, data: { isActive: false } });
    const opportunity = { id: randomUUID(), name: "Fleet Renewal", estimated_value: "1234567.50", currency: "USD" };

    const created = await notifyOpportunityClosed({
      tenantId: t.tenantId,
      opportunity,
      won: true,
      actorId: t.rep.userId,
      actorName: "Riley Rep",
    });
    expect(created).toHaveLength(3);
    const rows = await forEntity(opportunity.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([t.admin.userId, t.supervisor.userId, extraSupervisor.userId].sort());
    for (const row of rows) {
      expect(row).toMatchObject({
        tenantId: t.tenantId,
        type: "SUCCESS",
        category: "OPPORTUNITY",
        title: "Deal won: Fleet Renewal",
        message: 'Riley Rep closed "Fleet Renewal" as won for $1,234,567.50.',
        actionUrl: `/opportunities/${opportunity.id}`,
        actionLabel: "View opportunity",
      });
    }
    const otherTenantRows = await db().notification.count({ where: { tenantId: other.tenantId, relatedEntityId: opportunity.id } });
    expect(otherTenantRows).toBe(0);
  });

  it("warns about a lost deal with the reason", async () => {
    const opportunity = { id: randomUUID(), name: "Tablet Fleet", estimated_value: "9800", currency: "EUR" };
    await notifyOpportunityClosed({
      tenantId: other.tenantId,
      opportunity,
      won: false,
      actorId: other.rep.userId,
      actorName: "Gus",
      lossReason: "Competitor had better pricing",
    });
    const rows = await forEntity(opportunity.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([other.admin.userId, other.supervisor.userId].sort());
    expect(rows[0]).toMatchObject({
      type: "WARNING",
      title: "Deal lost: Tablet Fleet",
      message: 'Gus closed "Tablet Fleet" (€9,800.00) as lost. Reason: Competitor had better pricing.',
    });
  });

  it("alerts once per deal even if called twice", async () => {
    const opportunity = { id: randomUUID(), name: "Twice", estimated_value: "10.00", currency: "USD" };
    const event = { tenantId: t.tenantId, opportunity, won: true, actorId: t.rep.userId, actorName: "Rep" };
    expect(await notifyOpportunityClosed(event)).toHaveLength(3);
    expect(await notifyOpportunityClosed(event)).toHaveLength(0);
    expect(await forEntity(opportunity.id)).toHaveLength(3);
  });
});
