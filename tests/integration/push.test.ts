import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { createNotification, type NewNotification } from "@/lib/notifications";
import { liveHub } from "@/lib/notifications/live";
import { MAX_PUSH_ATTEMPTS, pushRelayIdle, sendDuePush } from "@/lib/push";
import { del, get, patch, post, put } from "../helpers/api";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";
import { startPushService } from "../helpers/push-service";

let tenant: TestTenant;
let service: Awaited<ReturnType<typeof startPushService>>;
const publicKey = () => process.env.VAPID_PUBLIC_KEY!;

/** A fresh rep whose browser subscribed through the API; returns the subscription the push service knows. */
async function subscribedRep(name: string): Promise<{ user: TestUser; clientHash: string; endpoint: string }> {
  const user = await createTestUser(tenant.tenantId, "SALES_REP", name);
  const subscription = await service.subscribe(publicKey());
  const saved = await post(
    "/push-subscriptions",
    { endpoint: subscription.endpoint, expirationTime: null, keys: subscription.keys },
    { token: user.token, headers: { "user-agent": "Test Browser/1.0" } },
  );
  expect(saved.status, saved.text).toBe(201);
  return { user, clientHash: subscription.clientHash, endpoint: subscription.endpoint };
}

const notify = (user: TestUser, input: Partial<NewNotification> = {}) =>
  createNotification({ tenantId: tenant.tenantId, userId: user.userId, title: "Deal won", message: "Acme signed.", ...input });

const pushesOf = (userId: string) => db().pushDelivery.findMany({ where: { subscription: { userId } }, orderBy: { createdAt: "asc" } });

const send = (clock?: () => Date) => sendDuePush({ transport: { agent: service.agent }, ...(clock ? { clock } : {}) });

beforeAll(async () => {
  process.env.PUSH_ALLOW_LOCAL_ENDPOINTS = "1";
  [tenant, service] = await Promise.all([createTestTenant("Push"), startPushService()]);
});

// Each test starts with no browser subscribed (and so nothing queued) in the tenant.
afterEach(async () => {
  await db().pushSubscription.deleteMany({ where: { tenantId: tenant.tenantId } });
});

afterAll(async () => {
  delete process.env.PUSH_ALLOW_LOCAL_ENDPOINTS;
  await pushRelayIdle();
  await Promise.all([service.close(), liveHub().close()]);
});

describe("web push", () => {
  it("hands out the VAPID public key", async () => {
    const key = await get("/push/public-key", { token: tenant.rep.token });
    expect(key.status, key.text).toBe(200);
    expect(key.body).toEqual({ public_key: publicKey() });
  });

  it("delivers a new notification to the subscribed browser, encrypted, with its title, text and link", async () => {
    const { user, clientHash } = await subscribedRep("Pushed rep");
    const notification = await notify(user, { actionUrl: "/opportunities/6f0c6b8e-2f55-4c55-9d43-1f1f3c2a9b10", category: "OPPORTUNITY" });
    expect(service.messages(clientHash)).toEqual([]);

    expect(await send()).toEqual({ sent: 1, failed: 0, expired: 0, skipped: 0 });
    expect(service.messages(clientHash)).toEqual([
      {
        id: notification!.id,
        title: "Deal won",
        body: "Acme signed.",
        url: "/opportunities/6f0c6b8e-2f55-4c55-9d43-1f1f3c2a9b10",
        category: "OPPORTUNITY",
      },
    ]);
    const [push] = await pushesOf(user.userId);
    expect(push).toMatchObject({ attempts: 1, dueAt: null, error: null });
    expect(push!.sentAt).not.toBeNull();
    const subscription = await db().pushSubscription.findFirstOrThrow({ where: { userId: user.userId } });
    expect(subscription).toMatchObject({ userAgent: "Test Browser/1.0", failures: 0 });
    expect(subscription.lastSuccessAt).not.toBeNull();

    // A notification without a link opens the notification center; nothing is sent twice.
    await notify(user, { title: "FYI", message: "No link here." });
    expect(await send()).toMatchObject({ sent: 1 });
    expect(service.messages(clientHash).map((m) => m.url)).toEqual([
      "/opportunities/6f0c6b8e-2f55-4c55-9d43-1f1f3c2a9b10",
      "/notifications",
    ]);
    expect(await send()).toMatchObject({ sent: 0 });
  });

  it("queues nothing for users without a subscribed browser", async () => {
    const unsubscribed = await createTestUser(tenant.tenantId, "SALES_REP", "No browser");
    const notification = await notify(unsubscribed);
    expect(await db().pushDelivery.count({ where: { notificationId: notification!.id } })).toBe(0);
  });

  it("keeps one subscription per browser: posted again it takes the new keys, another sign-in takes it over", async () => {
    const { user, endpoint, clientHash } = await subscribedRep("Browser owner");
    const other = await service.subscribe(publicKey());
    const again = await post("/push-subscriptions", { endpoint, keys: other.keys }, { token: user.token });
    expect(again.status, again.text).toBe(201);
    expect(await db().pushSubscription.findMany({ where: { endpoint }, select: { userId: true, p256dh: true } })).toEqual([
      { userId: user.userId, p256dh: other.keys.p256dh },
    ]);

    const colleague = await createTestUser(tenant.tenantId, "SALES_REP", "Same browser");
    const current = await service.subscribe(publicKey());
    await post("/push-subscriptions", { endpoint, keys: current.keys }, { token: user.token });
    await notify(user, { title: "For the first user" });
    const takenOver = await post("/push-subscriptions", { endpoint, keys: current.keys }, { token: colleague.token });
    expect(takenOver.status, takenOver.text).toBe(201);
    expect(await db().pushSubscription.findMany({ where: { endpoint }, select: { userId: true } })).toEqual([{ userId: colleague.userId }]);
    // What was queued for the first user never reaches the browser now signed in as someone else.
    expect(await send()).toMatchObject({ sent: 0 });
    expect(service.messages(clientHash)).toEqual([]);
  });

  it("refuses endpoints that are not https push services and keys that are not a browser's", async () => {
    const subscription = await service.subscribe(publicKey());
    delete process.env.PUSH_ALLOW_LOCAL_ENDPOINTS;
    try {
      const local = await post(
        "/push-subscriptions",
        { endpoint: subscription.endpoint, keys: subscription.keys },
        { token: tenant.rep.token },
      );
      expect(local.status).toBe(422);
      expect(local.body.errors).toEqual([{ field: "endpoint", message: "must name a push service by its public host name" }]);
      const plain = await post(
        "/push-subscriptions",
        { endpoint: "http://push.example.com/x", keys: subscription.keys },
        { token: tenant.rep.token },
      );
      expect(plain.body.errors).toEqual([{ field: "endpoint", message: "must be an https URL" }]);
      const badKeys = await post(
        "/push-subscriptions",
        { endpoint: "https://push.example.com/x", keys: { p256dh: "abc", auth: subscription.keys.p256dh } },
        { token: tenant.rep.token },
      );
      expect(badKeys.status).toBe(422);
      expect(badKeys.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["keys.auth", "keys.p256dh"]);
    } finally {
      process.env.PUSH_ALLOW_LOCAL_ENDPOINTS = "1";
    }
  });

  it("forgets a browser for its owner only: another user's endpoint is 404", async () => {
    const { user, endpoint } = await subscribedRep("Unsubscriber");
    const byOther = await del("/push-subscriptions", { token: tenant.otherRep.token, body: { endpoint } });
    expect(byOther.status, byOther.text).toBe(404);
    expect(await db().pushSubscription.count({ where: { endpoint } })).toBe(1);

    const byOwner = await del(`/push-subscriptions?endpoint=${encodeURIComponent(endpoint)}`, { token: user.token });
    expect(byOwner.status, byOwner.text).toBe(204);
    expect(await db().pushSubscription.count({ where: { endpoint } })).toBe(0);
    expect((await del("/push-subscriptions", { token: user.token, body: {} })).status).toBe(422);
  });

  it("deletes a subscription the push service answers 410 for (the browser unsubscribed)", async () => {
    const { user, clientHash } = await subscribedRep("Gone browser");
    service.expire(clientHash);
    await notify(user);
    expect(await send()).toEqual({ sent: 0, failed: 0, expired: 1, skipped: 0 });
    expect(await db().pushSubscription.count({ where: { userId: user.userId } })).toBe(0);
    expect(await pushesOf(user.userId)).toEqual([]);
  });

  it("retries a push the service refused, with backoff, and gives up after the last try", async () => {
    const { user, clientHash } = await subscribedRep("Broken keys");
    // The service can no longer decrypt what is sent to this browser: it answers 400.
    const wrong = await service.subscribe(publicKey());
    await db().pushSubscription.updateMany({ where: { userId: user.userId }, data: { auth: wrong.keys.auth } });
    await notify(user);

    const start = Date.now();
    expect(await send(() => new Date(start))).toMatchObject({ sent: 0, failed: 1 });
    let [push] = await pushesOf(user.userId);
    expect(push).toMatchObject({ attempts: 1, sentAt: null });
    expect(push!.error).toMatch(/^The push service answered 400/);
    expect(push!.dueAt!.getTime()).toBe(start + 30_000);
    expect(await send(() => new Date(start + 29_000))).toMatchObject({ failed: 0 });

    let at = start;
    for (let attempt = 2; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
      at = push!.dueAt!.getTime();
      expect(await send(() => new Date(at))).toMatchObject({ failed: 1 });
      [push] = await pushesOf(user.userId);
      expect(push!.attempts).toBe(attempt);
    }
    expect(push!.dueAt).toBeNull();
    expect(await send(() => new Date(at + 86_400_000))).toMatchObject({ failed: 0 });
    expect(service.messages(clientHash)).toEqual([]);
    expect(await db().pushSubscription.findFirstOrThrow({ where: { userId: user.userId } })).toMatchObject({ failures: MAX_PUSH_ATTEMPTS });
  });

  it("holds a push due in the recipient's quiet hours until they end; a critical one goes at once", async () => {
    const { user, clientHash } = await subscribedRep("Sleeper");
    const now = new Date();
    const hhmm = (date: Date) => date.toISOString().slice(11, 16);
    const quiet = { start: hhmm(new Date(now.getTime() - 3_600_000)), end: hhmm(new Date(now.getTime() + 3_600_000)) };
    const me = await patch("/me", { timezone: "UTC", quiet_hours: quiet }, { token: user.token });
    expect(me.status, me.text).toBe(200);
    const end = new Date(`${new Date(now.getTime() + 3_600_000).toISOString().slice(0, 16)}:00.000Z`);

    const waiting = await notify(user, { title: "Can wait" });
    const urgent = await notify(user, { title: "Server down", critical: true });
    const [waitingPush] = await db().pushDelivery.findMany({ where: { notificationId: waiting!.id } });
    expect(waitingPush!.dueAt).toEqual(end);

    expect(await send()).toMatchObject({ sent: 1 });
    expect(service.messages(clientHash).map((m) => [m.title, m.id])).toEqual([["Server down", urgent!.id]]);

    expect(await send(() => new Date(end.getTime() - 1_000))).toMatchObject({ sent: 0 });
    expect(await send(fixedClock(end))).toMatchObject({ sent: 1 });
    expect(service.messages(clientHash).map((m) => m.title)).toEqual(["Server down", "Can wait"]);
  });

  it("does not push a notification read before its quiet hours ended", async () => {
    const { user, clientHash } = await subscribedRep("Early reader");
    const now = new Date();
    const hhmm = (date: Date) => date.toISOString().slice(11, 16);
    await patch(
      "/me",
      { quiet_hours: { start: hhmm(new Date(now.getTime() - 3_600_000)), end: hhmm(new Date(now.getTime() + 3_600_000)) } },
      { token: user.token },
    );
    const notification = await notify(user);
    expect((await patch(`/notifications/${notification!.id}/read`, undefined, { token: user.token })).status).toBeLessThan(300);
    expect(await send(() => new Date(now.getTime() + 2 * 3_600_000))).toMatchObject({ sent: 0, skipped: 1 });
    expect(service.messages(clientHash)).toEqual([]);
  });

  it("pushes nothing of a category whose push channel is off", async () => {
    const { user, clientHash } = await subscribedRep("Picky");
    const off = await put("/notification-preferences", { preferences: [{ category: "QUOTE", push: false }] }, { token: user.token });
    expect(off.status, off.text).toBe(200);
    const quote = await notify(user, { category: "QUOTE", title: "Quote expired" });
    await notify(user, { category: "OPPORTUNITY", title: "Deal assigned" });
    expect(await db().pushDelivery.count({ where: { notificationId: quote!.id } })).toBe(0);
    expect(await send()).toMatchObject({ sent: 1 });
    expect(service.messages(clientHash).map((m) => m.title)).toEqual(["Deal assigned"]);
  });
});
