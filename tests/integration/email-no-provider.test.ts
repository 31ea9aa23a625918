/**
 * Production without an email provider (no RESEND_API_KEY, outbox off): nothing is sent and nothing lands in the
 * outbox; each email is recorded as failed with a clear `email_error` (and retried later, in case a key is set), and
 * the tenant's admins are told once, in the app. EMAIL_OUTBOX=0 turns the outbox off here as production does (React
 * cannot switch to its production build mid-run); e2e/outbox.spec.ts runs the production server itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { NO_PROVIDER_ERROR, NO_PROVIDER_NOTICE_KEY, retryDueEmails, sendWeeklySummaryEmail } from "@/lib/email";
import { post } from "../helpers/api";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";
import { emailState, useOutbox } from "./email-helpers";

const env = process.env as Record<string, string | undefined>;
const saved = env.EMAIL_OUTBOX;
let t: TestTenant;
let secondAdmin: TestUser;

beforeAll(async () => {
  useOutbox();
  env.EMAIL_OUTBOX = "0";
  t = await createTestTenant("No provider");
  secondAdmin = await createTestUser(t.tenantId, "ADMIN");
});

afterAll(() => {
  if (saved === undefined) delete env.EMAIL_OUTBOX;
  else env.EMAIL_OUTBOX = saved;
});

const notify = (users: TestUser[], title: string) =>
  post(
    "/notifications",
    { user_ids: users.map((u) => u.userId), title, message: "Please check.", type: "WARNING", category: "GENERAL", send_email: true },
    { token: t.admin.token },
  );

const notices = () =>
  db().notification.findMany({
    where: { tenantId: t.tenantId, dedupeKey: NO_PROVIDER_NOTICE_KEY },
    select: { userId: true, type: true, category: true, emailRequested: true, title: true },
  });

describe("production without an email provider", () => {
  it("records every email as failed with a clear email_error, stores nothing, and tells each admin once", async () => {
    const created = await notify([t.rep, t.otherRep], "Pipeline review at 3pm");
    expect(created.status).toBe(201);
    const rows = await db().notification.findMany({
      where: { tenantId: t.tenantId, title: "Pipeline review at 3pm" },
      select: { id: true },
    });
    expect(rows).toHaveLength(2);
    for (const { id } of rows) {
      expect(await emailState(id)).toMatchObject({
        emailSent: false,
        emailSentAt: null,
        emailError: NO_PROVIDER_ERROR,
        emailRequested: true,
        emailAttempts: 1,
        emailNextAttemptAt: expect.any(Date),
      });
    }
    expect(NO_PROVIDER_ERROR).toMatch(/no email provider is configured.*RESEND_API_KEY/);
    expect(await db().emailOutbox.count({ where: { tenantId: t.tenantId } })).toBe(0);

    const told = await notices();
    expect(told.map((n) => n.userId).sort()).toEqual([t.admin.userId, secondAdmin.userId].sort());
    expect(told.every((n) => n.type === "ERROR" && n.category === "SYSTEM" && !n.emailRequested)).toBe(true);
    expect(told[0]!.title).toBe("Emails are not being sent");

    // More failures — another send, the retry run, a weekly summary — tell nobody again.
    expect((await notify([t.supervisor], "Second message")).status).toBe(201);
    const retried = await retryDueEmails({ clock: fixedClock(new Date(Date.now() + 24 * 3600_000).toISOString()) });
    expect(retried.sent).toBe(0);
    for (const { id } of rows) expect(await emailState(id)).toMatchObject({ emailAttempts: 2, emailError: NO_PROVIDER_ERROR });
    const summary = await sendWeeklySummaryEmail(
      { id: t.rep.userId, email: t.rep.email, name: t.rep.name },
      {
        periodStart: "2026-11-30",
        periodEnd: "2026-12-06",
        newOpportunities: 1,
        opportunitiesWon: 0,
        revenue: "0.00",
        activeOpportunities: 1,
        weightedPipeline: "100.00",
        expiringQuotes: 0,
        overdueOpportunities: 0,
        pendingMaintenance: 0,
        currency: "USD",
      },
    );
    expect(summary).toEqual({ ok: false, error: NO_PROVIDER_ERROR });
    expect(await notices()).toHaveLength(2);
    expect(await db().emailOutbox.count({ where: { tenantId: t.tenantId } })).toBe(0);
  });

  it("keeps mail in the outbox when EMAIL_OUTBOX=1 says so", async () => {
    env.EMAIL_OUTBOX = "1";
    try {
      const user = await createTestUser(t.tenantId, "SALES_REP");
      expect((await notify([user], "Kept in the outbox")).status).toBe(201);
      const row = await db().notification.findFirstOrThrow({ where: { userId: user.userId }, select: { id: true } });
      expect(await emailState(row.id)).toMatchObject({ emailSent: true, emailError: null });
      expect(await db().emailOutbox.count({ where: { to: user.email } })).toBe(1);
    } finally {
      env.EMAIL_OUTBOX = "0";
    }
  });
});
