/**
 * Notification emails at volume, through the real Resend SDK to a local Resend stand-in over HTTP: batches of at
 * most 100 per call, one idempotency key per batch, failures kept per notification (one rejected email, a whole
 * batch refused or unanswered) and retried later without sending anything twice. Its own database: the retry
 * runs claim every due email.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { deliverNotificationEmails, retryDueEmails } from "@/lib/email";
import { renderNotificationEmail } from "@/lib/email/render";
import { post } from "../helpers/api";
import { withPrivateDatabase } from "../helpers/private-database";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";
import { emailState, notificationsFor, startResendRecorder, useResend, type ResendRecorder } from "./email-helpers";

let recorder: ResendRecorder;
let t: TestTenant;

const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (date: Date) => fixedClock(date.toISOString());
const later = (date: Date, ms: number) => new Date(date.getTime() + ms);

withPrivateDatabase();

beforeAll(async () => {
  recorder = await startResendRecorder();
  useResend(recorder);
  t = await createTestTenant("Email batches");
});

afterAll(async () => {
  await recorder.close();
});

beforeEach(() => recorder.reset());

const users = (count: number) => Promise.all(Array.from({ length: count }, () => createTestUser(t.tenantId, "SALES_REP")));

/** `perUser` alerts for each user, as a scheduled check creates them. */
async function alerts(recipients: TestUser[], perUser: number): Promise<string[]> {
  return (await Promise.all(recipients.map((user) => notificationsFor(user, perUser)))).flat();
}

const states = (ids: string[]) => Promise.all(ids.map(emailState));

describe("deliverNotificationEmails in batches", () => {
  it("sends 250 emails in 3 batch calls of at most 100, each email once, and records every one as sent", async () => {
    const ids = await alerts(await users(5), 50);
    expect(await deliverNotificationEmails(ids, { clock: at(T0) })).toEqual({ sent: 250, failed: 0, skipped: 0 });
    expect(recorder.requests.map((r) => r.path)).toEqual(["/emails/batch", "/emails/batch", "/emails/batch"]);
    expect(recorder.requests.map((r) => r.body.length).sort((a, b) => a - b)).toEqual([50, 100, 100]);
    expect(new Set(recorder.requests.map((r) => r.headers["idempotency-key"])).size).toBe(3);
    expect(recorder.delivered).toHaveLength(250);
    for (const state of await states(ids)) {
      expect(state).toMatchObject({ emailSent: true, emailSentAt: T0, emailError: null, emailAttempts: 1, emailNextAttemptAt: null });
    }
    expect(await deliverNotificationEmails(ids)).toEqual({ sent: 0, failed: 0, skipped: 250 });
    expect(recorder.requests).toHaveLength(3);
  });

  it("fails only the email the provider rejects, and sends it once when its retry is due", async () => {
    const recipients = await users(3);
    const ids = await alerts(recipients, 2);
    const bad = recipients[1]!;
    recorder.fail({ reject: "The `to` address is invalid." }, { to: bad.email, times: 2 });
    expect(await deliverNotificationEmails(ids, { clock: at(T0) })).toEqual({ sent: 4, failed: 2, skipped: 0 });
    expect(recorder.requests).toHaveLength(1);
    for (const [index, state] of (await states(ids)).entries()) {
      if (Math.floor(index / 2) === 1) {
        expect(state).toMatchObject({
          emailSent: false,
          emailError: "Resend rejected the email: The `to` address is invalid.",
          emailAttempts: 1,
          emailNextAttemptAt: later(T0, 60_000),
        });
      } else {
        expect(state).toMatchObject({ emailSent: true, emailError: null, emailAttempts: 1 });
      }
    }
    expect(recorder.delivered.map((r) => r.body.to[0])).not.toContain(bad.email);

    expect(await retryDueEmails({ clock: at(later(T0, 60_000)) })).toEqual({ sent: 2, failed: 0, skipped: 0 });
    expect(recorder.delivered.filter((r) => r.body.to[0] === bad.email)).toHaveLength(2);
    expect(recorder.delivered).toHaveLength(6);
    for (const state of await states(ids)) expect(state).toMatchObject({ emailSent: true, emailError: null });
  });

  it("schedules every email of a refused batch for a retry and marks none sent", async () => {
    const ids = await alerts(await users(3), 50);
    // The batch of 100 (the two batches are sent at once, so "the first call" would be a race).
    recorder.fail({ status: 500 }, { times: 1, batchOf: 100 });
    const totals = await deliverNotificationEmails(ids, { clock: at(T0) });
    expect(totals).toEqual({ sent: 50, failed: 100, skipped: 0 });
    const failed = (await states(ids)).filter((state) => !state.emailSent);
    expect(failed).toHaveLength(100);
    for (const state of failed) {
      expect(state).toMatchObject({ emailAttempts: 1, emailNextAttemptAt: later(T0, 60_000) });
      expect(state.emailError).toMatch(/^Resend 500 application_error: /);
    }
    expect(recorder.delivered).toHaveLength(50);

    expect(await retryDueEmails({ clock: at(later(T0, 60_000)) })).toEqual({ sent: 100, failed: 0, skipped: 0 });
    expect(recorder.delivered).toHaveLength(150);
    expect(new Set(recorder.delivered.map((r) => JSON.stringify([r.body.to, r.body.subject]))).size).toBe(150);
  });

  it("retries a batch whose answer never came under the same key, so nothing is delivered twice", async () => {
    process.env.RESEND_TIMEOUT_MS = "300";
    try {
      const ids = await alerts(await users(2), 60);
      // Both calls reach the provider, which delivers the emails, but no answer ever comes back.
      recorder.fail({ hang: true, deliverAnyway: true }, { times: 2 });
      // The real clock: the emails of a page that fail together must still share one next attempt.
      expect(await deliverNotificationEmails(ids)).toEqual({ sent: 0, failed: 120, skipped: 0 });
      for (const state of await states(ids)) {
        expect(state).toMatchObject({ emailSent: false, emailError: "Resend did not answer within 300 ms.", emailAttempts: 1 });
      }
      const firstKeys = recorder.requests.map((r) => r.headers["idempotency-key"]).sort();
      expect(recorder.delivered).toHaveLength(120);

      // A claim of 50 takes the whole cohort of 120 that failed together.
      expect(await retryDueEmails({ clock: at(later(new Date(), 120_000)), limit: 50 })).toEqual({ sent: 120, failed: 0, skipped: 0 });
      expect(
        recorder.requests
          .slice(2)
          .map((r) => r.headers["idempotency-key"])
          .sort(),
      ).toEqual(firstKeys);
      expect(recorder.delivered).toHaveLength(120);
      for (const state of await states(ids)) expect(state).toMatchObject({ emailSent: true, emailError: null, emailAttempts: 2 });
    } finally {
      delete process.env.RESEND_TIMEOUT_MS;
    }
  });
});

describe("POST /notifications with send_email to many users", () => {
  it("emails each user the message rendered once, identical to the email rendered for them alone", async () => {
    const recipients = await users(120);
    const res = await post(
      "/notifications",
      {
        user_ids: recipients.map((user) => user.userId),
        title: "Q2 kickoff <Friday> & drinks",
        message: 'Agenda:\n\n1. Targets\n2. "Wins"',
        type: "INFO",
        category: "GENERAL",
        action_url: "/pipeline?view=board&owner=me",
        action_label: "Open pipeline",
        send_email: true,
      },
      { token: t.admin.token },
    );
    expect(res.status).toBe(201);
    expect(recorder.requests).toHaveLength(2);
    expect(recorder.delivered).toHaveLength(120);
    const content = {
      title: "Q2 kickoff <Friday> & drinks",
      message: 'Agenda:\n\n1. Targets\n2. "Wins"',
      type: "INFO" as const,
      category: "GENERAL" as const,
      actionUrl: "/pipeline?view=board&owner=me",
      actionLabel: "Open pipeline",
    };
    const byEmail = new Map(recipients.map((user) => [user.email, user]));
    for (const { body } of recorder.delivered) {
      const user = byEmail.get(body.to[0])!;
      const alone = await renderNotificationEmail(
        { id: user.userId, tenantId: user.tenantId, email: user.email, name: user.name },
        content,
      );
      expect({ subject: body.subject, html: body.html, text: body.text, headers: body.headers }).toEqual({
        subject: alone.subject,
        html: alone.html,
        text: alone.text,
        headers: alone.headers,
      });
    }
  });
});
