/**
 * The email provider is down (connection refused, or it never answers): notifications are still created and
 * shown, each failed email is recorded (error, attempts, next attempt), and once the provider is back the retry
 * run sends every email exactly once. The provider is a real local HTTP server the real Resend SDK talks to.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { deliverNotificationEmails, retryDueEmails } from "@/lib/email";
import { get, post } from "../helpers/api";
import { withPrivateDatabase } from "../helpers/private-database";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";
import { emailState, notificationsFor, startResendRecorder, useResend, type ResendRecorder } from "./email-helpers";

let recorder: ResendRecorder;
let t: TestTenant;

/** A port nothing listens on: connecting to it is refused at once, as with a provider that is down. */
function refusedUrl(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(`http://127.0.0.1:${port}`));
    });
  });
}

withPrivateDatabase();

beforeAll(async () => {
  recorder = await startResendRecorder();
  t = await createTestTenant("Email down");
});

afterAll(async () => {
  delete process.env.RESEND_TIMEOUT_MS;
  await recorder.close();
});

beforeEach(() => {
  recorder.reset();
  useResend(recorder);
});

const fresh = () => createTestUser(t.tenantId, "SALES_REP");
const notify = (users: TestUser[], title: string) =>
  post(
    "/notifications",
    { user_ids: users.map((u) => u.userId), title, message: "Please check.", type: "WARNING", category: "GENERAL", send_email: true },
    { token: t.admin.token },
  );
const at = (date: Date) => fixedClock(date.toISOString());
const later = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe("email provider down", () => {
  it("keeps and shows the notifications while the provider refuses connections, then sends each once when it is back", async () => {
    const users = [await fresh(), await fresh(), await fresh()];
    process.env.RESEND_BASE_URL = await refusedUrl();

    const sentAt = new Date();
    const res = await notify(users, "Provider down");
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 3 });
    const ids: string[] = [];
    for (const user of users) {
      const listed = await get("/notifications", { token: user.token });
      expect(listed.body.items).toEqual([
        expect.objectContaining({
          title: "Provider down",
          email_sent: false,
          email_error: "Resend application_error: Unable to fetch data. The request could not be resolved.",
        }),
      ]);
      expect((await get("/notifications/unread-count", { token: user.token })).body).toEqual({ unread_count: 1 });
      ids.push(listed.body.items[0].id);
    }
    const failed = await Promise.all(ids.map(emailState));
    for (const state of failed) {
      expect(state).toMatchObject({ emailSent: false, emailRequested: true, emailAttempts: 1 });
      // One minute after the attempt.
      expect(state.emailNextAttemptAt!.getTime()).toBeGreaterThanOrEqual(sentAt.getTime() + 60_000);
      expect(state.emailNextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
    }
    const firstDue = new Date(Math.max(...failed.map((s) => s.emailNextAttemptAt!.getTime())));

    // Not due yet: nothing is tried. Due while still down: tried, failed again, backed off further.
    expect(await retryDueEmails({ clock: at(later(sentAt, 30_000)) })).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(await retryDueEmails({ clock: at(firstDue) })).toEqual({ sent: 0, failed: 3, skipped: 0 });
    const again = await Promise.all(ids.map(emailState));
    for (const state of again) {
      expect(state).toMatchObject({ emailSent: false, emailAttempts: 2 });
      expect(state.emailNextAttemptAt).toEqual(later(firstDue, 2 * 60_000));
    }

    // The provider is back: the due retry sends each email once; later runs send nothing.
    useResend(recorder);
    expect(await retryDueEmails({ clock: at(later(firstDue, 2 * 60_000)) })).toEqual({ sent: 3, failed: 0, skipped: 0 });
    expect(await retryDueEmails({ clock: at(later(firstDue, 24 * 3_600_000)) })).toEqual({ sent: 0, failed: 0, skipped: 0 });
    // One batch call carries the three emails.
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0]!.path).toBe("/emails/batch");
    expect(recorder.delivered.map((r) => r.body.to[0]).sort()).toEqual(users.map((u) => u.email).sort());
    for (const state of await Promise.all(ids.map(emailState))) {
      expect(state).toMatchObject({ emailSent: true, emailError: null, emailAttempts: 3, emailNextAttemptAt: null, isDeleted: false });
    }
    for (const user of users) {
      expect((await get("/notifications", { token: user.token })).body.items).toEqual([
        expect.objectContaining({ email_sent: true, email_error: null }),
      ]);
    }
  });

  it("gives up on a provider that never answers instead of hanging the request, and the retry never sends twice", async () => {
    process.env.RESEND_TIMEOUT_MS = "400";
    try {
      const user = await fresh();
      // The provider takes the email but its answer never comes back.
      recorder.fail({ hang: true, deliverAnyway: true });
      const started = Date.now();
      const res = await notify([user], "Provider hangs");
      const took = Date.now() - started;
      expect(res.status).toBe(201);
      expect(took).toBeLessThan(5_000);
      const [item] = (await get("/notifications", { token: user.token })).body.items;
      expect(item).toMatchObject({ title: "Provider hangs", email_sent: false, email_error: "Resend did not answer within 400 ms." });
      const failed = await emailState(item.id);
      expect(failed.emailAttempts).toBe(1);

      expect(await retryDueEmails({ clock: at(failed.emailNextAttemptAt!) })).toEqual({ sent: 1, failed: 0, skipped: 0 });
      const [first, retry] = recorder.requests.map((r) => r.headers["idempotency-key"]);
      expect(first).toMatch(/^batch\//);
      expect(retry).toBe(first);
      expect(recorder.delivered).toHaveLength(1);
      expect(await emailState(item.id)).toMatchObject({ emailSent: true, emailError: null, emailAttempts: 2 });
    } finally {
      delete process.env.RESEND_TIMEOUT_MS;
    }
  });

  it("sends each due email once when two retry runs start at the same moment after an outage", async () => {
    const user = await fresh();
    recorder.fail({ status: 503, body: { statusCode: 503, name: "internal_server_error", message: "Service unavailable" } }, { times: 6 });
    const ids = await notificationsFor(user, 6);
    const outage = new Date();
    expect(await deliverNotificationEmails(ids, { clock: at(outage) })).toEqual({ sent: 0, failed: 6, skipped: 0 });
    recorder.reset();

    const due = at(later(outage, 60_000));
    const runs = await Promise.all([retryDueEmails({ clock: due }), retryDueEmails({ clock: due })]);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(6);
    expect(runs.reduce((sum, run) => sum + run.failed, 0)).toBe(0);
    expect(recorder.requests.length).toBeLessThanOrEqual(2);
    expect(recorder.delivered).toHaveLength(6);
    for (const state of await Promise.all(ids.map(emailState))) expect(state).toMatchObject({ emailSent: true, emailAttempts: 2 });
  });
});
