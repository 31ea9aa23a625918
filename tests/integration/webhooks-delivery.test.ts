import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { checkDueActivities } from "@/lib/jobs";
import { createNotification } from "@/lib/notifications";
import { liveHub } from "@/lib/notifications/live";
import { deliverDueWebhooks, DISABLE_AFTER_FAILURES, messageId, webhookRelayIdle } from "@/lib/webhooks";
import { del, get, patch, post } from "../helpers/api";
import { startWebhookReceiver } from "../helpers/webhook-receiver";
import { createOpp, createWorld, ifMatch, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

/** "Now" plus `ms`: a retry due later is reached by moving the delivery run's clock, not by waiting. */
const later = (ms: number) => () => new Date(Date.now() + ms);

async function createHook(path: string, events: string[], status = 200): Promise<{ id: string; secret: string }> {
  const created = await post("/webhooks", { url: receiver.url(path), events }, { token: w.admin.token });
  expect(created.status, created.text).toBe(201);
  receiver.on(path, created.body.secret, status);
  return created.body;
}

const deliveriesOf = (endpointId: string) =>
  db().webhookDelivery.findMany({ where: { endpointId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { tries: true } });

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_LOOPBACK = "1";
  [w, receiver] = await Promise.all([createWorld("Webhook delivery"), startWebhookReceiver()]);
});

// Each test listens with its own webhooks only.
beforeEach(async () => {
  await db().webhookEndpoint.updateMany({ where: { tenantId: w.tenantId }, data: { enabled: false } });
});

afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_LOOPBACK;
  await webhookRelayIdle();
  await Promise.all([receiver.close(), liveHub().close()]);
});

describe("webhook events and signed delivery", () => {
  it("writes deal events to the outbox in the write, sends nothing during the request, then delivers them signed", async () => {
    const hook = await createHook("/deals", [
      "opportunity.created",
      "opportunity.updated",
      "opportunity.stage_changed",
      "opportunity.won",
      "opportunity.deleted",
    ]);
    const deal = await createOpp(w, w.rep.token, { name: "Hooked deal" });
    expect(receiver.at("/deals")).toHaveLength(0);
    expect((await deliveriesOf(hook.id)).map((d) => [d.eventType, d.status])).toEqual([["opportunity.created", "pending"]]);

    const won = await patch(
      `/opportunities/${deal.id}/stage`,
      { stage: "CLOSED_WON" },
      { token: w.rep.token, headers: ifMatch(deal.version) },
    );
    expect(won.status, won.text).toBe(200);
    const removed = await del(`/opportunities/${deal.id}`, { token: w.admin.token, headers: ifMatch(won.body.version) });
    expect(removed.status, removed.text).toBe(204);
    expect(receiver.at("/deals")).toHaveLength(0);

    const totals = await deliverDueWebhooks();
    expect(totals).toMatchObject({ succeeded: 5, failed: 0 });
    const got = receiver.at("/deals");
    expect(got.map((r) => r.error)).toEqual([null, null, null, null, null]);
    expect(got.map((r) => r.verified!.type).sort()).toEqual(
      ["opportunity.created", "opportunity.deleted", "opportunity.stage_changed", "opportunity.updated", "opportunity.won"].sort(),
    );
    for (const r of got) expect(r.verified!.data.id).toBe(deal.id);
    expect(got.find((r) => r.verified!.type === "opportunity.stage_changed")!.verified!.data).toMatchObject({
      stage: "CLOSED_WON",
      previous_stage: deal.stage,
      estimated_value: deal.estimated_value,
    });
    const deliveries = await deliveriesOf(hook.id);
    expect(got.map((r) => r.id).sort()).toEqual(deliveries.map((d) => messageId(d.id)).sort());
    expect(deliveries.every((d) => d.status === "succeeded" && d.tries.length === 1 && d.tries[0]!.statusCode === 200)).toBe(true);
  });

  it("records nothing for events a webhook did not subscribe to, nor for a disabled one", async () => {
    const hook = await createHook("/only-lost", ["opportunity.lost"]);
    const off = await createHook("/off", ["opportunity.created"]);
    await db().webhookEndpoint.update({ where: { id: off.id }, data: { enabled: false } });
    await createOpp(w, w.rep.token, { name: "Not lost" });
    expect(await deliveriesOf(hook.id)).toEqual([]);
    expect(await deliveriesOf(off.id)).toEqual([]);
  });

  it("sends notification.created for a notification, with the contract's JSON", async () => {
    const hook = await createHook("/notes", ["notification.created"]);
    const note = await createNotification({ tenantId: w.tenantId, userId: w.rep.userId, title: "Hello hooks", message: "A message" });
    await deliverDueWebhooks();
    const [got] = receiver.at("/notes");
    expect(got!.error).toBeNull();
    expect(got!.verified).toMatchObject({
      type: "notification.created",
      data: { id: note!.id, title: "Hello hooks", user_id: w.rep.userId },
    });
    expect((await deliveriesOf(hook.id))[0]!.status).toBe("succeeded");
  });

  it("sends activity.due once when the due-activities check tells the assignee", async () => {
    await createHook("/due", ["activity.due"]);
    const dueAt = new Date(Date.now() + 5 * 60_000);
    const activity = await post(
      "/activities",
      { type: "CALL", subject: "Call the buyer", client_id: w.clientId, due_at: dueAt.toISOString() },
      { token: w.rep.token },
    );
    expect(activity.status, activity.text).toBe(201);
    const clock = fixedClock(new Date());
    await checkDueActivities(clock, { tenantId: w.tenantId });
    await checkDueActivities(clock, { tenantId: w.tenantId });
    await deliverDueWebhooks();
    const got = receiver.at("/due");
    expect(got).toHaveLength(1);
    expect(got[0]!.verified).toMatchObject({
      type: "activity.due",
      data: { id: activity.body.id, subject: "Call the buyer", is_overdue: false, assigned_to: w.rep.userId },
    });
  });
});

describe("retries, the delivery log and auto-disable", () => {
  it("retries a failed delivery with backoff and logs every try", async () => {
    const hook = await createHook("/flaky", ["opportunity.created"], 500);
    await createOpp(w, w.rep.token, { name: "Retried" });
    expect(await deliverDueWebhooks()).toMatchObject({ succeeded: 0, failed: 1 });
    let [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 1 });
    expect(delivery!.nextAttemptAt!.getTime() - delivery!.tries[0]!.attemptedAt.getTime()).toBeGreaterThanOrEqual(5_000);

    expect(await deliverDueWebhooks()).toMatchObject({ succeeded: 0, failed: 0 });
    receiver.answer("/flaky", 200);
    expect(await deliverDueWebhooks({ clock: later(6_000) })).toMatchObject({ succeeded: 1 });
    [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(receiver.at("/flaky").map((r) => r.id)).toEqual([messageId(delivery!.id), messageId(delivery!.id)]);

    const log = await get(`/webhooks/${hook.id}/deliveries`, { token: w.admin.token });
    expect(log.status, log.text).toBe(200);
    expect(log.body.items[0]).toMatchObject({ id: delivery!.id, event_type: "opportunity.created", status: "succeeded", attempts: 2 });
    expect(log.body.items[0].tries.map((t: { status_code: number }) => t.status_code)).toEqual([500, 200]);
    expect(log.body.items[0].tries[0]).toMatchObject({ error: "The receiver answered 500." });
    expect(typeof log.body.items[0].tries[0].response_time_ms).toBe("number");
    const endpoint = await get(`/webhooks/${hook.id}`, { token: w.admin.token });
    expect(endpoint.body.consecutive_failures).toBe(0);
  });

  it("logs a network error without a status code", async () => {
    const created = await post(
      "/webhooks",
      { url: "http://127.0.0.1:9/closed", events: ["opportunity.created"] },
      { token: w.admin.token },
    );
    await post(`/webhooks/${created.body.id}/test`, undefined, { token: w.admin.token });
    await deliverDueWebhooks();
    const [delivery] = await deliveriesOf(created.body.id);
    expect(delivery!.tries[0]).toMatchObject({ statusCode: null });
    expect(delivery!.tries[0]!.error).toMatch(/ECONNREFUSED/);
  });

  it(`turns a webhook off after ${DISABLE_AFTER_FAILURES} failures in a row and tells the admins once`, async () => {
    const hook = await createHook("/down", ["opportunity.created"], 503);
    for (let i = 0; i < DISABLE_AFTER_FAILURES + 2; i++) {
      const queued = await post(`/webhooks/${hook.id}/test`, undefined, { token: w.admin.token });
      expect(queued.status, queued.text).toBe(201);
    }
    await deliverDueWebhooks();
    expect(receiver.at("/down")).toHaveLength(DISABLE_AFTER_FAILURES);
    const endpoint = await get(`/webhooks/${hook.id}`, { token: w.admin.token });
    expect(endpoint.body).toMatchObject({ enabled: false, consecutive_failures: DISABLE_AFTER_FAILURES });
    expect(endpoint.body.auto_disabled_at).not.toBeNull();
    const notices = await db().notification.findMany({ where: { relatedEntityId: hook.id } });
    expect(notices.map((n) => [n.userId, n.title, n.category])).toEqual([[w.admin.userId, "Webhook turned off", "SYSTEM"]]);
    expect(notices[0]!.message).toContain(receiver.url("/down"));

    // Off: nothing more is sent, and "send test event" says why.
    await deliverDueWebhooks({ clock: later(60_000) });
    expect(receiver.at("/down")).toHaveLength(DISABLE_AFTER_FAILURES);
    const refused = await post(`/webhooks/${hook.id}/test`, undefined, { token: w.admin.token });
    expect(refused.status).toBe(409);
  });

  it("a success resets the failures in a row", async () => {
    const hook = await createHook("/recovers", ["opportunity.created"], 500);
    for (let i = 0; i < 3; i++) await post(`/webhooks/${hook.id}/test`, undefined, { token: w.admin.token });
    await deliverDueWebhooks();
    expect((await get(`/webhooks/${hook.id}`, { token: w.admin.token })).body.consecutive_failures).toBe(3);
    receiver.answer("/recovers", 204);
    await deliverDueWebhooks({ clock: later(6_000) });
    expect((await get(`/webhooks/${hook.id}`, { token: w.admin.token })).body.consecutive_failures).toBe(0);
  });
});

describe("concurrency", () => {
  it("workers running at once never deliver the same try twice", async () => {
    const hook = await createHook("/parallel", ["opportunity.created"]);
    const count = 40;
    for (let i = 0; i < count; i++) await post(`/webhooks/${hook.id}/test`, undefined, { token: w.admin.token });
    // Small claims, so that the four workers take turns at the same rows.
    const runs = await Promise.all([1, 2, 3, 4].map(() => deliverDueWebhooks({ batchSize: 3 })));
    expect(runs.reduce((sum, r) => sum + r.succeeded, 0)).toBe(count);
    expect(runs.filter((r) => r.succeeded > 0).length).toBeGreaterThan(1);
    const ids = receiver.at("/parallel").map((r) => r.id);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    const tries = await db().webhookDeliveryAttempt.count({ where: { delivery: { endpointId: hook.id } } });
    expect(tries).toBe(count);
  });
});

describe("send test event", () => {
  it("queues a webhook.test delivery and, with the relay on, sends it at once in the background", async () => {
    const hook = await createHook("/test-event", ["opportunity.won"]);
    process.env.WEBHOOK_RELAY = "on";
    try {
      const arrived = receiver.waitFor(1, "/test-event");
      const queued = await post(`/webhooks/${hook.id}/test`, undefined, { token: w.admin.token });
      expect(queued.status, queued.text).toBe(201);
      await arrived;
      await webhookRelayIdle();
    } finally {
      process.env.WEBHOOK_RELAY = "off";
    }
    const [got] = receiver.at("/test-event");
    expect(got!.error).toBeNull();
    expect(got!.verified).toMatchObject({ type: "webhook.test", data: { webhook_id: hook.id } });
    const log = await get(`/webhooks/${hook.id}/deliveries`, { token: w.admin.token });
    expect(log.body.items[0]).toMatchObject({ event_type: "webhook.test", status: "succeeded" });
  });
});
