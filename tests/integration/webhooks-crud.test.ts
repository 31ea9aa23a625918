import { beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db/prisma";
import { del, get, post, put } from "../helpers/api";
import { createTestTenant, type TestTenant } from "../helpers/fixtures";

let t: TestTenant;
let other: TestTenant;

const fieldsOf = (body: { errors?: { field: string; message: string }[] }) => (body.errors ?? []).map((e) => `${e.field}: ${e.message}`);

beforeAll(async () => {
  [t, other] = await Promise.all([createTestTenant("Webhooks"), createTestTenant("Webhooks other")]);
});

describe("webhooks CRUD (admins)", () => {
  it("creates a webhook with a generated Standard Webhooks secret, shown once", async () => {
    const created = await post(
      "/webhooks",
      { url: "https://hooks.example.com/in", events: ["opportunity.won", "activity.due"] },
      { token: t.admin.token },
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      url: "https://hooks.example.com/in",
      events: ["opportunity.won", "activity.due"],
      enabled: true,
      consecutive_failures: 0,
      auto_disabled_at: null,
    });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // The secret is a key the library accepts: what it signs, it verifies.
    const hook = new Webhook(created.body.secret);
    const at = new Date();
    const signature = hook.sign("msg_1", at, "{}");
    expect(
      hook.verify("{}", {
        "webhook-id": "msg_1",
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signature,
      }),
    ).toEqual({});

    const read = await get(`/webhooks/${created.body.id}`, { token: t.admin.token });
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty("secret");
    const list = await get("/webhooks", { token: t.admin.token });
    expect(list.body.items.map((w: { id: string }) => w.id)).toContain(created.body.id);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
  });

  it("keeps a secret given in the Standard Webhooks format", async () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    const created = await post(
      "/webhooks",
      { url: "https://hooks.example.com/given", events: ["opportunity.created"], secret },
      { token: t.admin.token },
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body.secret).toBe(secret);
    expect((await db().webhookEndpoint.findUnique({ where: { id: created.body.id } }))!.secret).toBe(secret);
  });

  it("refuses bad input with the field and a clear message", async () => {
    const cases: Array<[unknown, string]> = [
      [{ url: "ftp://example.com/x", events: ["opportunity.won"] }, "url: must be an http or https URL"],
      [
        { url: "http://169.254.169.254/latest/meta-data", events: ["opportunity.won"] },
        "url: must not point at a link-local address (such as a cloud metadata service)",
      ],
      [{ url: "http://127.0.0.1:9000/x", events: ["opportunity.won"] }, "url: must not point at this server (loopback)"],
      [{ url: "https://a:b@example.com/x", events: ["opportunity.won"] }, "url: must not contain a user name or password"],
      [{ url: "https://example.com/x", events: [] }, "events: must name at least one event"],
      [{ url: "https://example.com/x", events: ["opportunity.exploded"] }, "events.0: must be one of"],
      [{ url: "https://example.com/x", events: ["opportunity.won", "opportunity.won"] }, "events: must not repeat an event"],
      [{ url: "https://example.com/x", events: ["opportunity.won"], secret: "hunter2" }, "secret: must be whsec_"],
    ];
    for (const [body, message] of cases) {
      const response = await post("/webhooks", body, { token: t.admin.token });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(fieldsOf(response.body).join(" | "), JSON.stringify(body)).toContain(message);
    }
  });

  it("allows an address on the company's own network (a server on its LAN)", async () => {
    const created = await post(
      "/webhooks",
      { url: "http://192.168.1.20:8080/onquota", events: ["opportunity.won"] },
      { token: t.admin.token },
    );
    expect(created.status, created.text).toBe(201);
  });

  it("updates URL, events and on/off; turning it on again clears its failure count", async () => {
    const created = await post("/webhooks", { url: "https://hooks.example.com/a", events: ["opportunity.won"] }, { token: t.admin.token });
    await db().webhookEndpoint.update({
      where: { id: created.body.id },
      data: { enabled: false, consecutiveFailures: 20, autoDisabledAt: new Date() },
    });
    const updated = await put(
      `/webhooks/${created.body.id}`,
      { url: "https://hooks.example.com/b", events: ["opportunity.lost", "notification.created"], enabled: true },
      { token: t.admin.token },
    );
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({
      url: "https://hooks.example.com/b",
      events: ["opportunity.lost", "notification.created"],
      enabled: true,
      consecutive_failures: 0,
      auto_disabled_at: null,
    });
    const off = await put(
      `/webhooks/${created.body.id}`,
      { url: "https://hooks.example.com/b", events: ["opportunity.lost"], enabled: false },
      { token: t.admin.token },
    );
    expect(off.body.enabled).toBe(false);
  });

  it("deletes a webhook; another company's admin and non-admins get 404/403", async () => {
    const created = await post(
      "/webhooks",
      { url: "https://hooks.example.com/del", events: ["opportunity.won"] },
      { token: t.admin.token },
    );
    expect((await get(`/webhooks/${created.body.id}`, { token: other.admin.token })).status).toBe(404);
    expect((await del(`/webhooks/${created.body.id}`, { token: other.admin.token })).status).toBe(404);
    expect((await get("/webhooks", { token: t.supervisor.token })).status).toBe(403);
    expect((await get("/webhooks", { token: t.rep.token })).status).toBe(403);
    expect((await del(`/webhooks/${created.body.id}`, { token: t.admin.token })).status).toBe(204);
    expect((await get(`/webhooks/${created.body.id}`, { token: t.admin.token })).status).toBe(404);
  });
});
