import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import {
  deliverNotificationEmails,
  EmailDeliveryError,
  retryDueEmails,
  sendBulkNotificationEmails,
  sendWeeklySummaryEmail,
  updateEmailPreferences,
  type WeeklySummary,
} from "@/lib/email";
import { batchIdempotencyKey } from "@/lib/email/resend-transport";
import type { EmailMessage } from "@/lib/email";
import { get, post } from "../helpers/api";
import { withPrivateDatabase } from "../helpers/private-database";
import { createTestTenant, createTestUser, type TestTenant } from "../helpers/fixtures";
import { emailState, notificationsFor, startResendRecorder, useResend, type ResendRecorder } from "./email-helpers";

let recorder: ResendRecorder;
let t: TestTenant;

const T0 = "2026-03-02T09:00:00.000Z";
const at = (iso: string) => fixedClock(iso);
/** The idempotency key of the batch call that sends these notifications' emails. */
const batchKey = (ids: string[]) =>
  batchIdempotencyKey(ids.sort().map((id) => ({ idempotencyKey: `notification-email/${id}` }) as EmailMessage));
const fresh = () => createTestUser(t.tenantId, "SALES_REP");

withPrivateDatabase();

beforeAll(async () => {
  recorder = await startResendRecorder();
  useResend(recorder);
  t = await createTestTenant("Email resend");
});

afterAll(async () => {
  await recorder.close();
});

beforeEach(() => recorder.reset());

describe("deliverNotificationEmails through Resend", () => {
  it("sends the rendered email with sender, recipient, CTA, text part, unsubscribe headers and idempotency key", async () => {
    const user = await fresh();
    const [id] = await notificationsFor(user, 1, { actionUrl: "/quotes/42", actionLabel: "Open quote Q-1" });
    const totals = await deliverNotificationEmails([id!], { clock: at(T0) });
    expect(totals).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(recorder.requests).toHaveLength(1);
    const [request] = recorder.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/emails/batch");
    expect(request!.headers.authorization).toBe("Bearer re_test_key");
    expect(request!.headers["idempotency-key"]).toBe(batchKey([id!]));
    expect(request!.headers["x-batch-validation"]).toBe("permissive");
    expect(request!.body).toHaveLength(1);
    const body = request!.body[0];
    expect(body.from).toBe("OnQuota Alerts <alerts@onquota.test>");
    expect(body.to).toEqual([user.email]);
    expect(body.subject).toBe("Quote Q-1 expires soon");
    expect(body.html).toContain('href="https://crm.onquota.test/quotes/42"');
    expect(body.html).toContain("Open quote Q-1");
    expect(body.text).toContain("Open quote Q-1: https://crm.onquota.test/quotes/42");
    expect(body.text).toContain("Quote Q-1 for Acme expires tomorrow.");
    expect(body.headers["List-Unsubscribe"]).toMatch(/^<https:\/\/crm\.onquota\.test\/api\/v1\/email\/unsubscribe\?token=[^>]+>$/);
    expect(body.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(await emailState(id!)).toMatchObject({
      emailSent: true,
      emailSentAt: new Date(T0),
      emailError: null,
      emailAttempts: 1,
      emailNextAttemptAt: null,
    });
  });

  it("is safe to call twice: an email already sent is skipped", async () => {
    const user = await fresh();
    const ids = await notificationsFor(user, 2);
    expect(await deliverNotificationEmails(ids)).toEqual({ sent: 2, failed: 0, skipped: 0 });
    expect(await deliverNotificationEmails([...ids, ids[0]!])).toEqual({ sent: 0, failed: 0, skipped: 2 });
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.delivered).toHaveLength(2);
  });

  it("skips unknown and malformed ids", async () => {
    expect(await deliverNotificationEmails(["0b8f3c1e-2f4a-4f7e-9a51-7c2d9e4b1a23", "nope"])).toEqual({ sent: 0, failed: 0, skipped: 2 });
    expect(await deliverNotificationEmails([])).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(recorder.requests).toHaveLength(0);
  });

  it("escapes a <script> title in the HTML it sends", async () => {
    const user = await fresh();
    const [id] = await notificationsFor(user, 1, { title: "<script>alert('x')</script> Big deal", message: "<b>not bold</b>" });
    await deliverNotificationEmails([id!]);
    const { html } = recorder.delivered[0]!.body;
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Big deal");
    expect(html).toContain("&lt;b&gt;not bold&lt;/b&gt;");
  });

  it("records a provider error, keeps the notification and retries it once after the backoff", async () => {
    const user = await fresh();
    const [id] = await notificationsFor(user);
    recorder.fail({ status: 500 });
    expect(await deliverNotificationEmails([id!], { clock: at(T0) })).toEqual({ sent: 0, failed: 1, skipped: 0 });
    const failed = await emailState(id!);
    expect(failed).toMatchObject({ emailSent: false, emailSentAt: null, emailAttempts: 1, emailRequested: true, isDeleted: false });
    expect(failed.emailError).toMatch(/^Resend 500 application_error: /);
    expect(failed.emailNextAttemptAt).toEqual(new Date("2026-03-02T09:01:00.000Z"));
    const listed = await get("/notifications", { token: user.token });
    expect(listed.body.items).toEqual([expect.objectContaining({ id, email_sent: false, email_error: failed.emailError })]);

    expect(await retryDueEmails({ clock: at("2026-03-02T09:00:59.000Z") })).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(await retryDueEmails({ clock: at("2026-03-02T09:01:00.000Z") })).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(await retryDueEmails({ clock: at("2026-03-02T10:00:00.000Z") })).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(recorder.requests).toHaveLength(2);
    expect(recorder.delivered).toHaveLength(1);
    expect(await emailState(id!)).toMatchObject({ emailSent: true, emailError: null, emailAttempts: 2, emailNextAttemptAt: null });
  });

  it("never sends twice when the provider accepted a send whose answer was lost", async () => {
    const user = await fresh();
    const [id] = await notificationsFor(user);
    recorder.fail({ status: 500, deliverAnyway: true });
    await deliverNotificationEmails([id!], { clock: at(T0) });
    await retryDueEmails({ clock: at("2026-03-02T09:05:00.000Z") });
    expect(recorder.requests.map((r) => r.headers["idempotency-key"])).toEqual([batchKey([id!]), batchKey([id!])]);
    expect(recorder.delivered).toHaveLength(1);
    expect((await emailState(id!)).emailSent).toBe(true);
  });

  it("backs off exponentially and stops after five attempts", async () => {
    const user = await fresh();
    const [id] = await notificationsFor(user);
    recorder.fail({ status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } }, { times: 10 });
    await deliverNotificationEmails([id!], { clock: at(T0) });
    const nextTimes: Array<Date | null> = [(await emailState(id!)).emailNextAttemptAt];
    for (let attempt = 2; attempt <= 5; attempt++) {
      expect(await retryDueEmails({ clock: at(nextTimes.at(-1)!.toISOString()) })).toEqual({ sent: 0, failed: 1, skipped: 0 });
      nextTimes.push((await emailState(id!)).emailNextAttemptAt);
    }
    const gaps = nextTimes
      .slice(0, 4)
      .map((next, i) => (next!.getTime() - (i === 0 ? new Date(T0) : nextTimes[i - 1]!).getTime()) / 60_000);
    expect(gaps).toEqual([1, 2, 4, 8]);
    expect(nextTimes[4]).toBeNull();
    const state = await emailState(id!);
    expect(state).toMatchObject({ emailSent: false, emailAttempts: 5, emailError: "Resend 422 validation_error: Invalid `to` field." });
    expect(await retryDueEmails({ clock: at("2026-03-03T00:00:00.000Z") })).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(recorder.requests).toHaveLength(5);
  });

  it("waits out a rate limit (429) and then sends", async () => {
    const user = await fresh();
    const [id] = await notificationsFor(user);
    recorder.fail({
      status: 429,
      body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
      headers: { "retry-after": "0" },
    });
    expect(await deliverNotificationEmails([id!])).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(recorder.requests).toHaveLength(2);
  });

  it("throws only when asked and every email failed", async () => {
    const [user, other] = [await fresh(), await fresh()];
    const [a] = await notificationsFor(user);
    const [b] = await notificationsFor(other);
    recorder.fail({ reject: "Invalid `to` field." }, { to: other.email });
    expect(await deliverNotificationEmails([a!, b!], { throwOnFailure: true })).toEqual({ sent: 1, failed: 1, skipped: 0 });
    const [c] = await notificationsFor(user);
    recorder.fail({ status: 500 });
    await expect(deliverNotificationEmails([c!], { throwOnFailure: true })).rejects.toBeInstanceOf(EmailDeliveryError);
    expect((await emailState(c!)).emailError).toMatch(/Resend 500/);
    recorder.fail({ status: 503 });
    const [d] = await notificationsFor(user);
    expect(await deliverNotificationEmails([d!])).toEqual({ sent: 0, failed: 1, skipped: 0 });
  });

  it("sends nothing to a user who turned the category off, or who is inactive", async () => {
    const user = await fresh();
    await updateEmailPreferences(user, [{ category: "QUOTE", enabled: false }]);
    const [quote] = await notificationsFor(user);
    const [general] = await notificationsFor(user, 1, { category: "GENERAL" });
    expect(await deliverNotificationEmails([quote!, general!])).toEqual({ sent: 1, failed: 0, skipped: 1 });
    expect(recorder.delivered.map((r) => r.body.subject)).toEqual(["Quote Q-1 expires soon"]);
    expect(recorder.requests[0]!.headers["idempotency-key"]).toBe(batchKey([general!]));
    expect(await emailState(quote!)).toMatchObject({ emailSent: false, emailError: null, emailAttempts: 0, emailNextAttemptAt: null });

    const gone = await fresh();
    const [id] = await notificationsFor(gone);
    await db().user.update({ where: { id: gone.userId }, data: { isActive: false } });
    expect(await deliverNotificationEmails([id!])).toEqual({ sent: 0, failed: 0, skipped: 1 });
    expect(recorder.requests).toHaveLength(1);
  });

  it("drops a pending retry when the user turns the category off meanwhile", async () => {
    const user = await fresh();
    const [id] = await notificationsFor(user);
    recorder.fail({ status: 500 });
    await deliverNotificationEmails([id!], { clock: at(T0) });
    await updateEmailPreferences(user, [{ category: "QUOTE", enabled: false }]);
    expect(await retryDueEmails({ clock: at("2026-03-02T09:10:00.000Z") })).toEqual({ sent: 0, failed: 0, skipped: 1 });
    expect(await emailState(id!)).toMatchObject({ emailSent: false, emailError: null, emailNextAttemptAt: null });
    expect(recorder.requests).toHaveLength(1);
  });
});

describe("POST /notifications with send_email", () => {
  it("stores the request and emails every recipient", async () => {
    const [a, b] = await Promise.all([fresh(), fresh()]);
    const res = await post(
      "/notifications",
      {
        user_ids: [a.userId, b.userId],
        title: "Pipeline review",
        message: "Friday at 10.",
        type: "INFO",
        category: "GENERAL",
        action_url: "/pipeline",
        action_label: "Open pipeline",
        send_email: true,
      },
      { token: t.admin.token },
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 2 });
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.delivered.map((r) => r.body.to[0]).sort()).toEqual([a.email, b.email].sort());
    expect(recorder.delivered[0]!.body.html).toContain('href="https://crm.onquota.test/pipeline"');
    const rows = await db().notification.findMany({
      where: { userId: { in: [a.userId, b.userId] } },
      select: { emailRequested: true, emailSent: true },
    });
    expect(rows).toEqual([
      { emailRequested: true, emailSent: true },
      { emailRequested: true, emailSent: true },
    ]);
  });

  it("sends nothing without send_email", async () => {
    const user = await fresh();
    const res = await post(
      "/notifications",
      { user_ids: [user.userId], title: "Quiet", message: "In-app only.", type: "INFO", category: "GENERAL" },
      { token: t.supervisor.token },
    );
    expect(res.status).toBe(201);
    expect(recorder.requests).toHaveLength(0);
    expect(
      await db().notification.findFirstOrThrow({ where: { userId: user.userId }, select: { emailRequested: true, emailSent: true } }),
    ).toEqual({
      emailRequested: false,
      emailSent: false,
    });
  });

  it("still creates the notification when the email fails, recording the error", async () => {
    const user = await fresh();
    recorder.fail({ status: 500 });
    const res = await post(
      "/notifications",
      { user_ids: [user.userId], title: "Heads up", message: "Hi.", type: "WARNING", category: "GENERAL", send_email: true },
      { token: t.admin.token },
    );
    expect(res.status).toBe(201);
    const listed = await get("/notifications", { token: user.token });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ title: "Heads up", email_sent: false, email_error: expect.stringMatching(/Resend 500/) }),
    ]);
  });
});

describe("sendBulkNotificationEmails", () => {
  it("counts successes and failures, one failure not stopping the others", async () => {
    const users = await Promise.all([fresh(), fresh(), fresh()]);
    recorder.fail(
      { status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } },
      { to: users[1]!.email },
    );
    const result = await sendBulkNotificationEmails(
      users.map((user) => ({
        recipient: { id: user.userId, tenantId: user.tenantId, email: user.email, name: user.name },
        notification: { title: "Team update", message: "New commission plan.", type: "INFO" as const, category: "GENERAL" as const },
      })),
    );
    expect(result.success).toBe(2);
    expect(result.failure).toBe(1);
    expect(result.results[1]).toEqual({ ok: false, error: "Resend 422 validation_error: Invalid `to` field." });
    expect(result.results[0]).toEqual({ ok: true, id: expect.stringMatching(/^email_/) });
    expect(recorder.delivered.map((r) => r.body.to[0]).sort()).toEqual([users[0]!.email, users[2]!.email].sort());
  });
});

describe("sendWeeklySummaryEmail", () => {
  const summary: WeeklySummary = {
    periodStart: "2026-02-23",
    periodEnd: "2026-03-01",
    newOpportunities: 5,
    opportunitiesWon: 2,
    revenue: "48250.00",
    activeOpportunities: 12,
    weightedPipeline: "310500.75",
    expiringQuotes: 3,
    overdueOpportunities: 1,
    pendingMaintenance: 2,
    currency: "USD",
  };

  it("sends the summary with every figure and the caller's idempotency key", async () => {
    const user = await fresh();
    const result = await sendWeeklySummaryEmail({ id: user.userId, email: user.email, name: user.name }, summary, {
      idempotencyKey: `weekly-summary/${user.userId}/2026-03-02`,
    });
    expect(result).toEqual({ ok: true });
    const [request] = recorder.requests;
    expect(request!.headers["idempotency-key"]).toBe(`weekly-summary/${user.userId}/2026-03-02`);
    expect(request!.body).toMatchObject({
      from: "OnQuota Alerts <alerts@onquota.test>",
      to: [user.email],
      subject: "Your weekly summary: Feb 23, 2026 to Mar 1, 2026",
    });
    for (const text of [
      "$48,250.00",
      "$310,500.75",
      "New opportunities",
      "Opportunities won",
      "Active opportunities",
      "Quotes expiring soon",
      "Overdue opportunities",
      "Vehicles due for maintenance",
    ]) {
      expect(request!.body.html).toContain(text);
      expect(request!.body.text).toContain(text);
    }
    expect(request!.body.text).toContain("  New opportunities: 5");
    expect(request!.body.text).toContain("  Vehicles due for maintenance: 2");
    expect(request!.body.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("reports a provider error without throwing", async () => {
    const user = await fresh();
    recorder.fail({ status: 500 });
    const result = await sendWeeklySummaryEmail({ id: user.userId, email: user.email, name: user.name }, summary);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^Resend 500/);
  });

  it("is skipped (ok, nothing to retry) when the user turned SYSTEM emails off", async () => {
    const user = await fresh();
    await updateEmailPreferences(user, [{ category: "SYSTEM", enabled: false }]);
    expect(await sendWeeklySummaryEmail({ id: user.userId, email: user.email, name: user.name }, summary)).toEqual({
      ok: true,
      skipped: true,
    });
    expect(recorder.requests).toHaveLength(0);
  });
});
