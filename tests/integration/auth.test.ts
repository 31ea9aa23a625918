import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { api, get, patch, post } from "../helpers/api";
import { createTestTenant, FIXTURE_PASSWORD } from "../helpers/fixtures";

const uniqueEmail = (label: string) => `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@auth.test`;

describe("register → token → me", () => {
  it("registers a company whose first user is an admin and can use the API", async () => {
    const email = uniqueEmail("founder");
    const registered = await post("/auth/register", {
      company_name: "Founders Inc",
      name: "Fay Founder",
      email,
      password: "long enough pw",
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, user: { email, role: "ADMIN", name: "Fay Founder" } });

    const token = await post("/auth/token", { email: email.toUpperCase(), password: "long enough pw" });
    expect(token.status).toBe(200);
    expect(token.body.access_token).toMatch(/^oqa_/);

    const me = await get("/me", { token: token.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: registered.body.user.id,
      tenant_id: registered.body.user.tenant_id,
      name: "Fay Founder",
      email,
      role: "ADMIN",
      is_active: true,
      timezone: "UTC",
      quiet_hours: null,
    });
  });

  it("rejects a second account with the same email (409) and invalid fields (422)", async () => {
    const email = uniqueEmail("dup");
    expect((await post("/auth/register", { company_name: "A", name: "A", email, password: "password-1" })).status).toBe(201);
    const again = await post("/auth/register", { company_name: "B", name: "B", email, password: "password-2" });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/problem+json");

    const invalid = await post("/auth/register", { company_name: "", name: "X", email: "not-an-email", password: "short" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["company_name", "email", "password"]);
  });
});

describe("authentication failures", () => {
  it("answers 401 to a wrong password and to an unknown email alike", async () => {
    const { admin } = await createTestTenant();
    const wrong = await post("/auth/token", { email: admin.email, password: "not-the-password" });
    const unknown = await post("/auth/token", { email: uniqueEmail("ghost"), password: "whatever123" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it("answers 401 without a token, with a garbage token and with a malformed header", async () => {
    expect((await get("/me")).status).toBe(401);
    expect((await get("/me", { token: "oqa_this-is-not-a-real-token" })).status).toBe(401);
    const malformed = await api("GET", "/me", { headers: { authorization: "Basic abc" } });
    expect(malformed.status).toBe(401);
    expect(malformed.body).toMatchObject({ status: 401, title: "Unauthorized" });
  });

  it("rejects an expired access token", async () => {
    const { rep } = await createTestTenant();
    await db().apiCredential.updateMany({ where: { userId: rep.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await get("/me", { token: rep.token })).status).toBe(401);
  });

  it("revokes every token of a user the moment an admin deactivates them", async () => {
    const { admin, rep } = await createTestTenant();
    expect((await get("/me", { token: rep.token })).status).toBe(200);
    const deactivated = await patch(`/users/${rep.userId}`, { is_active: false }, { token: admin.token });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.is_active).toBe(false);
    expect((await get("/me", { token: rep.token })).status).toBe(401);
    expect((await post("/auth/token", { email: rep.email, password: FIXTURE_PASSWORD })).status).toBe(401);
  });

  it("answers 400 to malformed JSON", async () => {
    const res = await api("POST", "/auth/token", { rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, title: "Bad Request" });
  });
});

describe("users", () => {
  it("lets an admin add users and forbids everyone else (403)", async () => {
    const { admin, supervisor, rep } = await createTestTenant();
    const body = { name: "New Rep", email: uniqueEmail("newrep"), role: "SALES_REP", password: "password-new" };
    expect((await post("/users", body, { token: rep.token })).status).toBe(403);
    expect((await post("/users", body, { token: supervisor.token })).status).toBe(403);
    const created = await post("/users", body, { token: admin.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "New Rep", role: "SALES_REP", tenant_id: admin.tenantId });

    const login = await post("/auth/token", { email: body.email, password: body.password });
    expect(login.status).toBe(200);
  });

  it("lists only the caller's tenant users", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const list = await get("/users", { token: a.rep.token });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(a.admin.userId);
    expect(ids).not.toContain(b.admin.userId);
  });

  it("hides another tenant's user (404) and keeps an admin from deactivating themselves (409)", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    expect((await patch(`/users/${b.rep.userId}`, { is_active: false }, { token: a.admin.token })).status).toBe(404);
    expect((await patch(`/users/not-a-uuid`, { is_active: false }, { token: a.admin.token })).status).toBe(404);
    expect((await patch(`/users/${a.admin.userId}`, { is_active: false }, { token: a.admin.token })).status).toBe(409);
  });
});
