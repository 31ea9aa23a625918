import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import {
  canReadOutbox,
  deliverNotificationEmails,
  HIDDEN_LINK,
  outboxPageAvailable,
  readOutbox,
  sendBulkNotificationEmails,
  sendWeeklySummaryEmail,
  updateEmailPreferences,
} from "@/lib/email";
import { NotFoundError } from "@/lib/errors";
import { post } from "../helpers/api";
import { createTestTenant, createTestUser, type TestTenant } from "../helpers/fixtures";
import { emailState, notificationsFor, useOutbox } from "./email-helpers";

let t: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  useOutbox();
  [t, other] = await Promise.all([createTestTenant("Email outbox"), createTestTenant("Email outbox other")]);
});

const fresh = (tenant = t) => createTestUser(tenant.tenantId, "SALES_REP");
const outboxTo = (email: string) => db().emailOutbox.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

describe("the development outbox (RESEND_API_KEY unset)", () => {
  it("stores each notification email as a row and marks the notification sent", async () => {
    const user = await fresh();
    const [id] = await notificationsFor(user, 1, { actionUrl: "/quotes/7", actionLabel: "View quote" });
    expect(await deliverNotificationEmails([id!], { clock: fixedClock("2026-03-02T09:00:00Z") })).toEqual({
      sent: 1,
      failed: 0,
      skipped: 0,
    });
    const [row] = await outboxTo(user.email);
    expect(row).toMatchObject({
      tenantId: t.tenantId,
      to: user.email,
      from: "OnQuota Alerts <alerts@onquota.test>",
      subject: "Quote Q-1 expires soon",
      idempotencyKey: `notification-email/${id}`,
      createdAt: new Date("2026-03-02T09:00:00Z"),
    });
    expect(row!.html).toContain('href="https://crm.onquota.test/quotes/7"');
    expect(row!.text).toContain("View quote: https://crm.onquota.test/quotes/7");
    expect(row!.headers).toMatchObject({
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Unsubscribe": expect.stringMatching(/^<https:\/\/crm\.onquota\.test\/api\/v1\/email\/unsubscribe\?token=/),
    });
    expect(await emailState(id!)).toMatchObject({ emailSent: true, emailError: null, emailAttempts: 1 });
  });

  it("never stores one notification's email twice", async () => {
    const user = await fresh();
    const [id] = await notificationsFor(user);
    await deliverNotificationEmails([id!]);
    await db().notification.update({ where: { id: id! }, data: { emailSent: false } });
    expect(await deliverNotificationEmails([id!])).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(await outboxTo(user.email)).toHaveLength(1);
  });

  it("stores a batch of 150 emails once each, even when half of them are delivered again", async () => {
    const user = await fresh();
    const ids = await notificationsFor(user, 150);
    expect(await deliverNotificationEmails(ids.slice(0, 75))).toEqual({ sent: 75, failed: 0, skipped: 0 });
    await db().notification.updateMany({ where: { id: { in: ids } }, data: { emailSent: false } });
    expect(await deliverNotificationEmails(ids)).toEqual({ sent: 150, failed: 0, skipped: 0 });
    const stored = await outboxTo(user.email);
    expect(stored).toHaveLength(150);
    expect(new Set(stored.map((message) => message.subject)).size).toBe(150);
  });

  it("drops nothing: every message of a bulk send gets its own row", async () => {
    const user = await fresh();
    const request = {
      recipient: { id: user.userId, tenantId: user.tenantId, email: user.email, name: user.name },
      notification: { title: "Same words", message: "Same message.", type: "INFO" as const, category: "GENERAL" as const },
    };
    const result = await sendBulkNotificationEmails([request, request, request]);
    expect(result).toMatchObject({ success: 3, failure: 0 });
    expect(await outboxTo(user.email)).toHaveLength(3);
  });

  it("stores nothing for a category the user turned off", async () => {
    const user = await fresh();
    await updateEmailPreferences(user, [{ category: "QUOTE", enabled: false }]);
    const [id] = await notificationsFor(user);
    expect(await deliverNotificationEmails([id!])).toEqual({ sent: 0, failed: 0, skipped: 1 });
    expect(await outboxTo(user.email)).toHaveLength(0);
    expect(await emailState(id!)).toMatchObject({ emailSent: false, emailError: null, emailAttempts: 0 });
  });

  it("keeps the weekly summary too", async () => {
    const user = await fresh();
    const summary = {
      periodStart: "2026-02-23",
      periodEnd: "2026-03-01",
      newOpportunities: 1,
      opportunitiesWon: 0,
      revenue: "0.00",
      activeOpportunities: 4,
      weightedPipeline: "1000.00",
      expiringQuotes: 0,
      overdueOpportunities: 0,
      pendingMaintenance: 0,
      currency: "USD",
    };
    expect(
      await sendWeeklySummaryEmail({ id: user.userId, email: user.email, name: user.name }, summary, {
        idempotencyKey: `weekly/${user.userId}`,
      }),
    ).toEqual({ ok: true });
    expect(
      await sendWeeklySummaryEmail({ id: user.userId, email: user.email, name: user.name }, summary, {
        idempotencyKey: `weekly/${user.userId}`,
      }),
    ).toEqual({ ok: true });
    const rows = await outboxTo(user.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toBe("Your weekly summary: Feb 23, 2026 to Mar 1, 2026");
    expect(rows[0]!.text).toContain("Weighted pipeline: $1,000.00");
  });

  it("also receives the emails of POST /notifications", async () => {
    const user = await fresh();
    const res = await post(
      "/notifications",
      { user_ids: [user.userId], title: "Welcome aboard", message: "Hi!", type: "SUCCESS", category: "SYSTEM", send_email: true },
      { token: t.admin.token },
    );
    expect(res.status).toBe(201);
    expect((await outboxTo(user.email)).map((row) => row.subject)).toEqual(["Welcome aboard"]);
  });
});

describe("reading the outbox", () => {
  it("shows an admin only the messages addressed to users of their own company", async () => {
    const [mine, theirs] = await Promise.all([fresh(), fresh(other)]);
    const [a] = await notificationsFor(mine, 1, { title: "Mine" });
    const [b] = await notificationsFor(theirs, 1, { title: "Theirs" });
    await deliverNotificationEmails([a!, b!]);
    const theirRow = (await outboxTo(theirs.email))[0]!;
    const view = await readOutbox(t.admin);
    expect(view.messages.map((m) => m.to)).toContain(mine.email);
    expect(view.messages.map((m) => m.to)).not.toContain(theirs.email);
    expect(view.total).toBe(await db().emailOutbox.count({ where: { tenantId: t.tenantId } }));
    expect((await readOutbox(t.admin, theirRow.id)).selected).toBeNull();
    const own = await readOutbox(other.admin, theirRow.id);
    expect(own.selected).toMatchObject({
      id: theirRow.id,
      subject: "Theirs",
      html: expect.stringContaining("<html"),
      text: expect.stringContaining("Theirs"),
    });
  });

  it("is a 404 for reps and supervisors: it holds everyone's mail", async () => {
    await expect(readOutbox(t.rep)).rejects.toBeInstanceOf(NotFoundError);
    await expect(readOutbox(t.supervisor)).rejects.toBeInstanceOf(NotFoundError);
    expect(canReadOutbox(t.rep)).toBe(false);
    expect(canReadOutbox(t.admin)).toBe(true);
  });

  it("never shows an admin a working link that acts for someone else; their own mail keeps its links", async () => {
    const rep = await fresh();
    const [toRep] = await notificationsFor(rep, 1, { title: "For the rep" });
    const [toAdmin] = await notificationsFor(t.admin, 1, { title: "For the admin" });
    await deliverNotificationEmails([toRep!, toAdmin!]);
    const repRow = (await outboxTo(rep.email))[0]!;
    expect(repRow.text).toContain("/unsubscribe?token=");
    const { selected: repMail } = await readOutbox(t.admin, repRow.id);
    expect(repMail!.redacted).toBe(true);
    for (const part of [repMail!.html, repMail!.text, JSON.stringify(repMail!.headers)]) {
      expect(part).not.toMatch(/token=/);
      expect(part).not.toContain(rep.userId);
    }
    expect(repMail!.text).toContain(HIDDEN_LINK);
    expect(repMail!.headers).toMatchObject({ "List-Unsubscribe": `<${HIDDEN_LINK}>` });
    // The other links of the message still work: they need the reader's own session.
    expect(repMail!.html).toContain('href="https://crm.onquota.test/quotes"');

    const adminRow = (await db().emailOutbox.findMany({ where: { to: t.admin.email, subject: "For the admin" } }))[0]!;
    const { selected: adminMail } = await readOutbox(t.admin, adminRow.id);
    expect(adminMail!.redacted).toBe(false);
    expect(adminMail!.text).toContain(`/unsubscribe?token=${t.admin.userId}.QUOTE.`);
  });

  it("is on in development or with EMAIL_OUTBOX=1, and off in production without it", () => {
    expect(outboxPageAvailable({ NODE_ENV: "development" })).toBe(true);
    expect(outboxPageAvailable({ NODE_ENV: "development", RESEND_API_KEY: "re_x" })).toBe(true);
    expect(outboxPageAvailable({ NODE_ENV: "development", EMAIL_OUTBOX: "0" })).toBe(false);
    expect(outboxPageAvailable({ NODE_ENV: "production" })).toBe(false);
    expect(outboxPageAvailable({ NODE_ENV: "production", RESEND_API_KEY: "re_x" })).toBe(false);
    expect(outboxPageAvailable({ NODE_ENV: "production", EMAIL_OUTBOX: "1" })).toBe(true);
    expect(outboxPageAvailable({ NODE_ENV: "production", EMAIL_OUTBOX: "true" })).toBe(true);
    expect(canReadOutbox(t.admin, { NODE_ENV: "production" })).toBe(false);
  });
});
