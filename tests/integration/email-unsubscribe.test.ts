import { beforeAll, describe, expect, it } from "vitest";
import { unsubscribeAction } from "@/app/unsubscribe/actions";
import UnsubscribePage from "@/app/unsubscribe/page";
import { db } from "@/lib/db/prisma";
import { initialActionResult } from "@/lib/http/action-result";
import { deliverNotificationEmails, getEmailPreferences, readUnsubscribeLink } from "@/lib/email";
import { api, get, post, put } from "../helpers/api";
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from "../helpers/fixtures";
import { notificationsFor, useOutbox } from "./email-helpers";

let t: TestTenant;

beforeAll(async () => {
  useOutbox();
  t = await createTestTenant("Email unsubscribe");
});

const fresh = () => createTestUser(t.tenantId, "SALES_REP");

/** The one-click URL of the last email a user got (from its List-Unsubscribe header), as a path under /api/v1. */
async function oneClickPath(user: TestUser, category: "QUOTE" | "GENERAL" = "QUOTE"): Promise<string> {
  const [id] = await notificationsFor(user, 1, { category });
  await deliverNotificationEmails([id!]);
  const row = await db().emailOutbox.findFirstOrThrow({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
  const header = (row.headers as Record<string, string>)["List-Unsubscribe"]!;
  const url = new URL(header.slice(1, -1));
  expect(url.origin).toBe("https://crm.onquota.test");
  return url.pathname.replace("/api/v1", "") + url.search;
}

const tokenOf = (path: string) => new URL(path, "http://x").searchParams.get("token")!;
const enabled = async (user: TestUser) =>
  Object.fromEntries((await getEmailPreferences(user)).preferences.map((p) => [p.category, p.enabled]));

describe("one-click unsubscribe (POST /email/unsubscribe)", () => {
  it("turns the email's category off without any login, idempotently", async () => {
    const user = await fresh();
    const path = await oneClickPath(user);
    const res = await api("POST", path, {
      rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ unsubscribed: true, category: "QUOTE" });
    expect(await enabled(user)).toMatchObject({ QUOTE: false, GENERAL: true, SYSTEM: true });
    expect((await api("POST", path)).status).toBe(200);
    expect(await enabled(user)).toMatchObject({ QUOTE: false });
  });

  it("stops that category's emails but keeps the in-app notifications and the other categories", async () => {
    const user = await fresh();
    await api("POST", await oneClickPath(user));
    const before = await db().emailOutbox.count({ where: { to: user.email } });
    const res = await post(
      "/notifications",
      { user_ids: [user.userId], title: "Quote reminder", message: "Q-9", type: "WARNING", category: "QUOTE", send_email: true },
      { token: t.admin.token },
    );
    expect(res.status).toBe(201);
    expect(await db().emailOutbox.count({ where: { to: user.email } })).toBe(before);
    const inbox = await get("/notifications?category=QUOTE", { token: user.token });
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toContain("Quote reminder");
    await oneClickPath(user, "GENERAL");
    expect(await db().emailOutbox.count({ where: { to: user.email } })).toBe(before + 1);
  });

  it("rejects a tampered, malformed or missing token with 404 and changes nothing", async () => {
    const user = await fresh();
    const path = await oneClickPath(user);
    const token = tokenOf(path);
    const [userId, , mac] = token.split(".");
    const flipped = `${mac!.slice(0, 10)}${mac![10] === "A" ? "B" : "A"}${mac!.slice(11)}`;
    for (const bad of [`${userId}.QUOTE.${flipped}`, `${userId}.SYSTEM.${mac}`, `${t.admin.userId}.QUOTE.${mac}`, "garbage", ""]) {
      const res = await api("POST", `/email/unsubscribe?token=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await api("POST", "/email/unsubscribe")).status).toBe(404);
    expect(await enabled(user)).toMatchObject({ QUOTE: true, SYSTEM: true });
    expect(await enabled(t.admin)).toMatchObject({ QUOTE: true });
  });
});

describe("opening the link in a browser", () => {
  it("GET /email/unsubscribe redirects to the confirmation page and changes nothing", async () => {
    const user = await fresh();
    const path = await oneClickPath(user);
    const res = await api("GET", path);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/unsubscribe?token=${encodeURIComponent(tokenOf(path))}`);
    expect(await enabled(user)).toMatchObject({ QUOTE: true });
  });

  it("the footer link's page describes the link; its button unsubscribes without login", async () => {
    const user = await fresh();
    const [id] = await notificationsFor(user);
    await deliverNotificationEmails([id!]);
    const row = await db().emailOutbox.findFirstOrThrow({ where: { to: user.email } });
    const href = /href="(https:\/\/crm\.onquota\.test\/unsubscribe\?token=[^"]+)"/.exec(row.html)![1]!.replaceAll("&amp;", "&");
    const token = new URL(href).searchParams.get("token")!;
    expect(row.text).toContain(`Unsubscribe: ${href}`);

    const link = await readUnsubscribeLink(token);
    expect(link).toEqual({ category: "QUOTE", email: `${user.email[0]}•••@test.onquota`, enabled: true });
    expect(await UnsubscribePage({ searchParams: Promise.resolve({ token }) })).toBeTruthy();

    const form = new FormData();
    form.set("token", token);
    expect(await unsubscribeAction(initialActionResult, form)).toMatchObject({ ok: true, attempt: 1 });
    expect(await enabled(user)).toMatchObject({ QUOTE: false });
    expect(await readUnsubscribeLink(token)).toMatchObject({ enabled: false });
  });

  it("the page answers 404 for a bad token and the button refuses it", async () => {
    for (const searchParams of [{ token: "nope" }, {}, { token: ["a", "b"] }]) {
      await expect(UnsubscribePage({ searchParams: Promise.resolve(searchParams) })).rejects.toMatchObject({
        digest: "NEXT_HTTP_ERROR_FALLBACK;404",
      });
    }
    const form = new FormData();
    form.set("token", "nope");
    expect(await unsubscribeAction(initialActionResult, form)).toMatchObject({ ok: false, message: "This unsubscribe link is not valid." });
  });
});

describe("email preferences API", () => {
  it("lists every category on by default and changes only those named", async () => {
    const user = await fresh();
    const res = await get("/email/preferences", { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body.preferences).toEqual(
      ["SYSTEM", "QUOTE", "OPPORTUNITY", "MAINTENANCE", "PAYMENT", "CLIENT", "GENERAL"].map((category) => ({ category, enabled: true })),
    );
    const updated = await put(
      "/email/preferences",
      {
        preferences: [
          { category: "PAYMENT", enabled: false },
          { category: "CLIENT", enabled: false },
        ],
      },
      { token: user.token },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.preferences.filter((p: { enabled: boolean }) => !p.enabled).map((p: { category: string }) => p.category)).toEqual([
      "PAYMENT",
      "CLIENT",
    ]);
    const back = await put("/email/preferences", { preferences: [{ category: "PAYMENT", enabled: true }] }, { token: user.token });
    expect(back.body.preferences.filter((p: { enabled: boolean }) => !p.enabled).map((p: { category: string }) => p.category)).toEqual([
      "CLIENT",
    ]);
    expect(await enabled(t.rep)).toMatchObject({ CLIENT: true });
  });

  it("validates the body and needs a caller", async () => {
    for (const body of [
      {},
      { preferences: [] },
      { preferences: [{ category: "NOPE", enabled: false }] },
      { preferences: [{ category: "QUOTE", enabled: "no" }] },
      {
        preferences: [
          { category: "QUOTE", enabled: false },
          { category: "QUOTE", enabled: true },
        ],
      },
    ]) {
      expect((await put("/email/preferences", body, { token: t.rep.token })).status, JSON.stringify(body)).toBe(422);
    }
    expect((await get("/email/preferences")).status).toBe(401);
    expect((await put("/email/preferences", { preferences: [{ category: "QUOTE", enabled: false }] })).status).toBe(401);
  });
});
