import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { fixedClock } from "@/lib/clock";
import { deliverNotificationEmails, retryDueEmails, sendDueDigests } from "@/lib/email";
import { get, patch, post, put } from "../helpers/api";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";
import { emailState, notificationsFor, useOutbox } from "./email-helpers";

let t: TestTenant;

beforeAll(async () => {
  useOutbox();
  t = await createTestTenant("Notification channels");
});

const fresh = () => createTestUser(t.tenantId, "SALES_REP");
const outboxOf = (user: TestUser) => db().emailOutbox.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } });
const setChannels = (user: TestUser, preferences: unknown[]) => put("/notification-preferences", { preferences }, { token: user.token });
const setTime = (user: TestUser, body: unknown) => patch("/me", body, { token: user.token });

/** Notifications created at `at` (so a clock of that time sees them as just raised). */
async function raisedAt(user: TestUser, at: string, count: number, extra: Parameters<typeof notificationsFor>[2] = {}) {
  const ids = await notificationsFor(user, count, extra);
  await db().notification.updateMany({ where: { id: { in: ids } }, data: { createdAt: new Date(at) } });
  return ids;
}

describe("GET/PUT /notification-preferences", () => {
  it("lists every category with every channel on and email instant, and changes only what is named", async () => {
    const user = await fresh();
    const initial = await get("/notification-preferences", { token: user.token });
    expect(initial.status).toBe(200);
    expect(initial.body.preferences).toHaveLength(7);
    expect(initial.body.preferences[0]).toEqual({ category: "SYSTEM", in_app: true, email: "INSTANT", push: true });

    const res = await setChannels(user, [
      { category: "QUOTE", email: "DAILY_DIGEST", push: false },
      { category: "GENERAL", in_app: false },
    ]);
    expect(res.status).toBe(200);
    const byCategory = Object.fromEntries(res.body.preferences.map((p: any) => [p.category, p]));
    expect(byCategory.QUOTE).toEqual({ category: "QUOTE", in_app: true, email: "DAILY_DIGEST", push: false });
    expect(byCategory.GENERAL).toEqual({ category: "GENERAL", in_app: false, email: "INSTANT", push: true });
    expect(byCategory.OPPORTUNITY).toEqual({ category: "OPPORTUNITY", in_app: true, email: "INSTANT", push: true });

    await setChannels(user, [{ category: "QUOTE", push: true }]);
    const again = await get("/notification-preferences", { token: user.token });
    expect(again.body.preferences.find((p: any) => p.category === "QUOTE")).toMatchObject({ email: "DAILY_DIGEST", push: true });
  });

  it("keeps the first email-preferences routes working on the email column", async () => {
    const user = await fresh();
    await setChannels(user, [{ category: "QUOTE", email: "DAILY_DIGEST" }]);
    const email = await get("/email/preferences", { token: user.token });
    expect(email.body.preferences.find((p: any) => p.category === "QUOTE")).toEqual({ category: "QUOTE", enabled: true });
    // Turning an email category "on" keeps its digest; "off" is OFF; "on" again is instant.
    await put("/email/preferences", { preferences: [{ category: "QUOTE", enabled: true }] }, { token: user.token });
    const kept = await get("/notification-preferences", { token: user.token });
    expect(kept.body.preferences.find((p: any) => p.category === "QUOTE").email).toBe("DAILY_DIGEST");
    await put("/email/preferences", { preferences: [{ category: "QUOTE", enabled: false }] }, { token: user.token });
    const off = await get("/notification-preferences", { token: user.token });
    expect(off.body.preferences.find((p: any) => p.category === "QUOTE").email).toBe("OFF");
    await put("/email/preferences", { preferences: [{ category: "QUOTE", enabled: true }] }, { token: user.token });
    const on = await get("/notification-preferences", { token: user.token });
    expect(on.body.preferences.find((p: any) => p.category === "QUOTE").email).toBe("INSTANT");
  });

  it("answers 422 naming the field for unknown modes, categories, extra fields or a category twice", async () => {
    const user = await fresh();
    for (const preferences of [
      [{ category: "QUOTE", email: "WEEKLY" }],
      [{ category: "NOPE", push: true }],
      [{ category: "QUOTE", sms: true }],
      [
        { category: "QUOTE", push: true },
        { category: "QUOTE", push: false },
      ],
      [],
    ]) {
      const res = await setChannels(user, preferences);
      expect(res.status).toBe(422);
      expect(res.body.errors?.[0]?.field ?? res.body.detail).toBeTruthy();
    }
    expect((await get("/notification-preferences")).status).toBe(401);
  });
});

describe("each channel follows the matrix", () => {
  it("in-app off: kept out of the center, the bell and the stream's list, still emailed", async () => {
    const user = await fresh();
    await setChannels(user, [{ category: "QUOTE", in_app: false }]);
    const [hidden] = await notificationsFor(user, 1);
    const [shown] = await notificationsFor(user, 1, { category: "GENERAL", title: "Shown" });
    const list = await get("/notifications", { token: user.token });
    expect(list.body.items.map((n: any) => n.id)).toEqual([shown]);
    expect((await get("/notifications/unread-count", { token: user.token })).body.unread_count).toBe(1);
    expect((await get(`/notifications/${hidden}`, { token: user.token })).status).toBe(404);
    await deliverNotificationEmails([hidden!]);
    expect((await emailState(hidden!)).emailSent).toBe(true);
  });

  it("critical notifications (flagged or ERROR) are shown even with in-app off", async () => {
    const user = await fresh();
    await setChannels(user, [{ category: "QUOTE", in_app: false }]);
    await notificationsFor(user, 1, { critical: true, title: "Critical" });
    await notificationsFor(user, 1, { type: "ERROR", title: "Error" });
    const list = await get("/notifications", { token: user.token });
    expect(list.body.items.map((n: any) => n.title).sort()).toEqual(["Critical", "Error"]);
    expect(list.body.items.find((n: any) => n.title === "Critical").critical).toBe(true);
  });

  it("email: instant sends, off and daily digest do not send now, critical ignores the digest but not off", async () => {
    const user = await fresh();
    await setChannels(user, [
      { category: "QUOTE", email: "DAILY_DIGEST" },
      { category: "CLIENT", email: "OFF" },
    ]);
    const [instant] = await notificationsFor(user, 1, { category: "GENERAL", title: "Instant" });
    const [digest] = await notificationsFor(user, 1, { title: "Digest" });
    const [off] = await notificationsFor(user, 1, { category: "CLIENT", title: "Off" });
    const [critical] = await notificationsFor(user, 1, { title: "Critical digest", critical: true });
    const [criticalOff] = await notificationsFor(user, 1, { category: "CLIENT", title: "Critical off", critical: true });
    const totals = await deliverNotificationEmails([instant!, digest!, off!, critical!, criticalOff!]);
    expect(totals).toMatchObject({ sent: 2, failed: 0, skipped: 3 });
    expect((await outboxOf(user)).map((m) => m.subject).sort()).toEqual(["Critical digest", "Instant"]);
    expect(await emailState(digest!)).toMatchObject({ emailSent: false, emailError: null, emailNextAttemptAt: null });
  });

  it("POST /notifications takes `critical` and answers it", async () => {
    const user = await fresh();
    const res = await post(
      "/notifications",
      { user_ids: [user.userId], title: "Server down", message: "…", type: "WARNING", category: "SYSTEM", critical: true },
      { token: t.admin.token },
    );
    expect(res.status).toBe(201);
    const list = await get("/notifications", { token: user.token });
    expect(list.body.items[0]).toMatchObject({ title: "Server down", critical: true });
  });
});

describe("PATCH /me: time zone and quiet hours", () => {
  it("sets, shows and clears them; rejects what is not a zone or a time", async () => {
    const user = await fresh();
    expect((await get("/me", { token: user.token })).body).toMatchObject({ timezone: "UTC", quiet_hours: null });
    const res = await setTime(user, { timezone: "Europe/Berlin", quiet_hours: { start: "22:00", end: "07:00" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.userId, timezone: "Europe/Berlin", quiet_hours: { start: "22:00", end: "07:00" } });
    expect((await get("/me", { token: user.token })).body.quiet_hours).toEqual({ start: "22:00", end: "07:00" });
    expect((await setTime(user, { quiet_hours: null })).body).toMatchObject({ timezone: "Europe/Berlin", quiet_hours: null });

    for (const body of [
      { timezone: "Mars/Olympus" },
      { quiet_hours: { start: "25:00", end: "07:00" } },
      { quiet_hours: { start: "07:00", end: "07:00" } },
      { quiet_hours: { start: "22:00" } },
      { role: "ADMIN" },
    ]) {
      const bad = await setTime(user, body);
      expect(bad.status, JSON.stringify(body)).toBe(422);
    }
    expect((await get("/me", { token: user.token })).body.role).toBe("SALES_REP");
  });
});

describe("quiet hours", () => {
  it("hold an instant email until they end in the user's zone, then the retry run sends it; critical goes at once", async () => {
    const user = await fresh();
    await setTime(user, { timezone: "Europe/Berlin", quiet_hours: { start: "22:00", end: "07:00" } });
    // 2027-01-14 23:30 in Berlin (UTC+1) = 22:30 UTC; the quiet hours end at 07:00 Berlin = 06:00 UTC.
    const at = "2027-01-14T22:30:00Z";
    const [waiting] = await raisedAt(user, at, 1, { title: "At night" });
    const [urgent] = await raisedAt(user, at, 1, { title: "Urgent", critical: true });
    await deliverNotificationEmails([waiting!, urgent!], { clock: fixedClock(at) });
    expect((await outboxOf(user)).map((m) => m.subject)).toEqual(["Urgent"]);
    expect(await emailState(waiting!)).toMatchObject({ emailSent: false, emailError: null, emailAttempts: 0 });
    expect((await emailState(waiting!)).emailNextAttemptAt?.toISOString()).toBe("2027-01-15T06:00:00.000Z");

    await retryDueEmails({ clock: fixedClock("2027-01-15T05:59:00Z") });
    expect(await outboxOf(user)).toHaveLength(1);
    await retryDueEmails({ clock: fixedClock("2027-01-15T06:00:00Z") });
    expect((await outboxOf(user)).map((m) => m.subject)).toEqual(["Urgent", "At night"]);
    expect(await emailState(waiting!)).toMatchObject({ emailSent: true, emailAttempts: 1 });
  });
});

describe("daily digest", () => {
  async function digestUser(timezone: string, quiet?: { start: string; end: string }) {
    const user = await fresh();
    await setTime(user, { timezone, ...(quiet ? { quiet_hours: quiet } : {}) });
    await setChannels(user, [
      { category: "QUOTE", email: "DAILY_DIGEST" },
      { category: "OPPORTUNITY", email: "DAILY_DIGEST" },
    ]);
    return user;
  }

  it("sends one email at 08:00 local time, grouped by category, newest first, each with its link; never twice a day", async () => {
    const user = await digestUser("Asia/Tokyo");
    // Tokyo is UTC+9: 08:00 on 2027-02-10 is 2027-02-09T23:00Z.
    const older = await raisedAt(user, "2027-02-09T10:00:00Z", 1, { title: "Quote Q-1 expires soon" });
    const newer = await raisedAt(user, "2027-02-09T12:00:00Z", 1, { title: "Quote Q-2 expires soon" });
    const deal = await raisedAt(user, "2027-02-09T11:00:00Z", 1, {
      category: "OPPORTUNITY",
      title: "Deal overdue: Big <Fleet> & Co",
      actionUrl: "/opportunities/00000000-0000-4000-8000-000000000001",
    });
    const instant = await raisedAt(user, "2027-02-09T11:30:00Z", 1, { category: "GENERAL", title: "Instant one" });
    await deliverNotificationEmails([...older, ...newer, ...deal, ...instant], { clock: fixedClock("2027-02-09T12:00:00Z") });
    expect((await outboxOf(user)).map((m) => m.subject)).toEqual(["Instant one"]);

    await sendDueDigests({ clock: fixedClock("2027-02-09T22:59:00Z") });
    expect(await outboxOf(user)).toHaveLength(1);

    const totals = await sendDueDigests({ clock: fixedClock("2027-02-09T23:00:00Z") });
    expect(totals.sent).toBeGreaterThanOrEqual(1);
    const [, digest] = await outboxOf(user);
    expect(digest!.subject).toBe("Your daily digest for Feb 10, 2027: 3 notifications");
    const text = digest!.text;
    expect(text.indexOf("Opportunities (1)")).toBeGreaterThan(-1);
    expect(text.indexOf("Quotes (2)")).toBeGreaterThan(-1);
    expect(text.indexOf("Quote Q-2 expires soon")).toBeLessThan(text.indexOf("Quote Q-1 expires soon"));
    expect(text).toContain("https://crm.onquota.test/opportunities/00000000-0000-4000-8000-000000000001");
    expect(text).toContain("Feb 9, 2027, 9:00 PM GMT+9");
    expect(digest!.html).toContain("Big &lt;Fleet&gt; &amp; Co");
    expect(digest!.html).toContain('href="https://crm.onquota.test/quotes"');
    expect(text).toMatch(/Stop emails about quotes: https:\/\/crm\.onquota\.test\/unsubscribe\?token=/);

    for (const id of [...older, ...newer, ...deal]) {
      const row = await db().notification.findUniqueOrThrow({ where: { id }, select: { emailSent: true, emailDigestId: true } });
      expect(row.emailSent).toBe(true);
      expect(row.emailDigestId).toBeTruthy();
    }
    const [row] = await db().notificationDigest.findMany({ where: { userId: user.userId } });
    expect(row).toMatchObject({ notificationCount: 3, error: null });
    expect(row!.localDate.toISOString().slice(0, 10)).toBe("2027-02-10");

    // Later the same local day: a new notification waits for tomorrow's digest.
    const later = await raisedAt(user, "2027-02-10T01:00:00Z", 1, { title: "Quote Q-3 expires soon" });
    await sendDueDigests({ clock: fixedClock("2027-02-10T02:00:00Z") });
    await sendDueDigests({ clock: fixedClock("2027-02-10T14:59:00Z") });
    expect(await outboxOf(user)).toHaveLength(2);
    await sendDueDigests({ clock: fixedClock("2027-02-10T23:00:00Z") });
    const mails = await outboxOf(user);
    expect(mails).toHaveLength(3);
    expect(mails[2]!.subject).toBe("Your daily digest for Feb 11, 2027: 1 notification");
    expect(mails[2]!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect((await emailState(later[0]!)).emailSent).toBe(true);
  });

  it("sends nothing when nothing waits, and nothing for categories not on digest or critical ones", async () => {
    const user = await digestUser("UTC");
    await raisedAt(user, "2027-03-01T07:00:00Z", 1, { category: "GENERAL" });
    await raisedAt(user, "2027-03-01T07:00:00Z", 1, { critical: true });
    await sendDueDigests({ clock: fixedClock("2027-03-01T08:00:00Z") });
    expect(await outboxOf(user)).toHaveLength(0);
    expect(await db().notificationDigest.count({ where: { userId: user.userId } })).toBe(0);
  });

  it("follows the user's 08:00 across DST changes", async () => {
    const user = await digestUser("America/New_York");
    // 2027-03-14: clocks go forward at 02:00; 08:00 EDT = 12:00 UTC (it was 13:00 UTC the day before).
    await raisedAt(user, "2027-03-14T03:00:00Z", 1);
    await sendDueDigests({ clock: fixedClock("2027-03-14T11:59:00Z") });
    expect(await outboxOf(user)).toHaveLength(0);
    await sendDueDigests({ clock: fixedClock("2027-03-14T12:00:00Z") });
    expect((await outboxOf(user)).map((m) => m.subject)).toEqual(["Your daily digest for Mar 14, 2027: 1 notification"]);
    // 2027-11-07: clocks go back at 02:00; 08:00 EST = 13:00 UTC.
    await raisedAt(user, "2027-11-07T03:00:00Z", 1);
    await sendDueDigests({ clock: fixedClock("2027-11-07T12:59:00Z") });
    expect(await outboxOf(user)).toHaveLength(1);
    await sendDueDigests({ clock: fixedClock("2027-11-07T13:00:00Z") });
    expect(await outboxOf(user)).toHaveLength(2);
  });

  it("waits for quiet hours that cover 08:00", async () => {
    const user = await digestUser("UTC", { start: "23:00", end: "09:30" });
    await raisedAt(user, "2027-04-01T06:00:00Z", 1);
    await sendDueDigests({ clock: fixedClock("2027-04-01T09:00:00Z") });
    expect(await outboxOf(user)).toHaveLength(0);
    await sendDueDigests({ clock: fixedClock("2027-04-01T09:30:00Z") });
    expect(await outboxOf(user)).toHaveLength(1);
  });

  it("a failed send is tried again later, still once a day", async () => {
    const user = await digestUser("UTC");
    await raisedAt(user, "2027-05-01T06:00:00Z", 2);
    process.env.EMAIL_OUTBOX = "0";
    try {
      const failed = await sendDueDigests({ clock: fixedClock("2027-05-01T08:00:00Z") });
      expect(failed.failed).toBeGreaterThanOrEqual(1);
    } finally {
      delete process.env.EMAIL_OUTBOX;
      useOutbox();
    }
    const [digest] = await db().notificationDigest.findMany({ where: { userId: user.userId } });
    expect(digest).toMatchObject({ sentAt: null, attempts: 1 });
    expect(digest!.error).toBeTruthy();
    await sendDueDigests({ clock: fixedClock("2027-05-01T08:00:30Z") });
    expect(await outboxOf(user)).toHaveLength(0);
    await sendDueDigests({ clock: fixedClock("2027-05-01T08:01:00Z") });
    expect((await outboxOf(user)).map((m) => m.subject)).toEqual(["Your daily digest for May 1, 2027: 2 notifications"]);
  });
});
