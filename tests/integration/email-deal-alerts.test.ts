/**
 * Settings promise "Opportunities: deals assigned to you, closed or overdue" by email: the assignment, won, lost and
 * overdue notifications are emailed to recipients who keep OPPORTUNITY emails on (the default), once each.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { deliverNotificationEmails, updateEmailPreferences } from "@/lib/email";
import { checkOverdueOpportunities } from "@/lib/jobs";
import { patch, post } from "../helpers/api";
import { createTestClient, createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";
import { emailState, useOutbox } from "./email-helpers";
import { insertOpportunity } from "./jobs-data";

let t: TestTenant;
let clientId: string;

for (const key of ["INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete process.env[key];

beforeAll(async () => {
  useOutbox();
  t = await createTestTenant("Deal emails");
  clientId = (await createTestClient(t.tenantId, "Tailspin Toys")).id;
});

const mailsTo = (user: TestUser) => db().emailOutbox.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } });
const alertsOf = (user: TestUser, opportunityId: string) =>
  db().notification.findMany({ where: { userId: user.userId, relatedEntityId: opportunityId }, select: { id: true, title: true } });

async function assignDeal(name: string, to: TestUser): Promise<string> {
  const created = await post(
    "/opportunities",
    { name, client_id: clientId, estimated_value: "12000.00", expected_close_date: "2030-06-30", assigned_to: to.userId },
    { token: t.admin.token },
  );
  expect(created.status).toBe(201);
  return created.body.id as string;
}

describe("deal emails", () => {
  it("emails the assignee of a deal someone else gave them, once", async () => {
    const rep = await createTestUser(t.tenantId, "SALES_REP");
    const id = await assignDeal("Drone fleet", rep);
    const [alert] = await alertsOf(rep, id);
    expect(alert!.title).toBe("New opportunity assigned: Drone fleet");
    expect(await emailState(alert!.id)).toMatchObject({ emailRequested: true, emailSent: true, emailError: null });
    const mails = await mailsTo(rep);
    expect(mails.map((mail) => mail.subject)).toEqual(["New opportunity assigned: Drone fleet"]);
    expect(mails[0]!.text).toContain(`/opportunities/${id}`);

    expect(await deliverNotificationEmails([alert!.id])).toEqual({ sent: 0, failed: 0, skipped: 1 });
    expect(await mailsTo(rep)).toHaveLength(1);
  });

  it("sends nothing to a user who turned Opportunities emails off; the in-app alert stays", async () => {
    const rep = await createTestUser(t.tenantId, "SALES_REP");
    await updateEmailPreferences(rep, [{ category: "OPPORTUNITY", enabled: false }]);
    const id = await assignDeal("Quiet deal", rep);
    const [alert] = await alertsOf(rep, id);
    expect(alert!.title).toBe("New opportunity assigned: Quiet deal");
    expect(await emailState(alert!.id)).toMatchObject({ emailSent: false, emailError: null, emailNextAttemptAt: null });
    expect(await mailsTo(rep)).toHaveLength(0);
  });

  it("emails every supervisor and admin when a deal is won or lost, once each", async () => {
    const quiet = await createTestUser(t.tenantId, "SUPERVISOR");
    await updateEmailPreferences(quiet, [{ category: "OPPORTUNITY", enabled: false }]);
    const won = await assignDeal("Won deal", t.rep);
    const lost = await assignDeal("Lost deal", t.rep);
    const before = { admin: (await mailsTo(t.admin)).length, supervisor: (await mailsTo(t.supervisor)).length };

    expect((await patch(`/opportunities/${won}/stage`, { stage: "CLOSED_WON" }, { token: t.rep.token })).status).toBe(200);
    expect(
      (await patch(`/opportunities/${lost}/stage`, { stage: "CLOSED_LOST", loss_reason: "Budget cut" }, { token: t.rep.token })).status,
    ).toBe(200);

    for (const manager of [t.admin, t.supervisor]) {
      const subjects = (await mailsTo(manager)).slice(manager === t.admin ? before.admin : before.supervisor).map((m) => m.subject);
      expect(subjects.sort()).toEqual(["Deal lost: Lost deal", "Deal won: Won deal"]);
    }
    expect(await mailsTo(quiet)).toHaveLength(0);
    const lostMail = (await mailsTo(t.admin)).find((mail) => mail.subject === "Deal lost: Lost deal")!;
    expect(lostMail.text).toContain("Reason: Budget cut.");

    // Delivering the same alerts again sends nothing new.
    const ids = (await alertsOf(t.admin, won)).concat(await alertsOf(t.supervisor, won)).map((alert) => alert.id);
    expect(await deliverNotificationEmails(ids)).toMatchObject({ sent: 0, skipped: 2 });
    expect((await mailsTo(t.admin)).length).toBe(before.admin + 2);
  });

  it("emails the overdue check's reminders, each once, batched like the other checks' mails", async () => {
    const own = await createTestTenant("Overdue mail");
    const client = await createTestClient(own.tenantId, "Coho Winery");
    await updateEmailPreferences(own.otherRep, [{ category: "OPPORTUNITY", enabled: false }]);
    await Promise.all([
      insertOpportunity(own.tenantId, client.id, own.rep.userId, "2026-02-27", { name: "Late deal A" }),
      insertOpportunity(own.tenantId, client.id, own.rep.userId, "2026-02-28", { name: "Late deal B" }),
      insertOpportunity(own.tenantId, client.id, own.otherRep.userId, "2026-02-27", { name: "Late deal C" }),
    ]);
    const monday = fixedClock("2026-03-02T10:00:00Z");

    const first = await checkOverdueOpportunities(monday, { tenantId: own.tenantId });
    expect(first).toMatchObject({ overdue: 3, notified: 3, emails: { queued: 0, sent: 2, failed: 0, skipped: 1 } });
    expect((await mailsTo(own.rep)).map((mail) => mail.subject).sort()).toEqual([
      "Opportunity 2 days overdue: Late deal B",
      "Opportunity 3 days overdue: Late deal A",
    ]);
    expect(await mailsTo(own.otherRep)).toHaveLength(0);

    const again = await checkOverdueOpportunities(monday, { tenantId: own.tenantId });
    expect(again).toMatchObject({ notified: 0, alreadyNotified: 3, emails: { queued: 0, sent: 0, failed: 0, skipped: 0 } });
    expect(await mailsTo(own.rep)).toHaveLength(2);
  });
});
