import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { del, get, post, put } from "../helpers/api";
import { createTestTenant, type TestTenant } from "../helpers/fixtures";

const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();

let t: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  [t, other] = await Promise.all([createTestTenant("Clients"), createTestTenant("Clients other")]);
});

describe("clients CRUD", () => {
  it("creates a client (201) and reads it back", async () => {
    const created = await post(
      "/clients",
      { name: "  Globex ", email: "Buyer@Globex.TEST", phone: "+1 555 0100", company: "Globex Corp" },
      { token: t.rep.token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      tenant_id: t.tenantId,
      name: "Globex",
      email: "buyer@globex.test",
      phone: "+1 555 0100",
      company: "Globex Corp",
    });
    expect(created.body.created_at).toMatch(/Z$/);

    const read = await get(`/clients/${created.body.id}`, { token: t.otherRep.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it("treats optional fields as optional and blank ones as none", async () => {
    const created = await post("/clients", { name: "Minimal", email: "", company: "" }, { token: t.admin.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Minimal", email: null, phone: null, company: null });
  });

  it("updates partially, clears with null and returns the client", async () => {
    const { body: client } = await post("/clients", { name: "Initech", phone: "123", company: "Initech LLC" }, { token: t.rep.token });
    const updated = await put(`/clients/${client.id}`, { phone: null, email: "peter@initech.test" }, { token: t.rep.token });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: client.id,
      name: "Initech",
      phone: null,
      company: "Initech LLC",
      email: "peter@initech.test",
    });
    expect((await get(`/clients/${client.id}`, { token: t.rep.token })).body.phone).toBeNull();
  });

  it("answers 422 with field names for invalid input", async () => {
    const bad = await post("/clients", { name: " ", email: "not-an-email", phone: "x".repeat(51) }, { token: t.rep.token });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(fieldsOf(bad.body)).toEqual(["email", "name", "phone"]);

    const { body: client } = await post("/clients", { name: "Valid" }, { token: t.rep.token });
    const badUpdate = await put(`/clients/${client.id}`, { name: null, tenant_id: other.tenantId }, { token: t.rep.token });
    expect(badUpdate.status).toBe(422);
    expect(fieldsOf(badUpdate.body)).toEqual(["body", "name"]);
  });
});

describe("clients list", () => {
  let listTenant: TestTenant;

  beforeAll(async () => {
    listTenant = await createTestTenant("Client list");
    const names = ["delta", "Alpha", "charlie", "Bravo", "echo"];
    for (const name of names) {
      const res = await post(
        "/clients",
        { name, company: name === "echo" ? "Acme Holdings" : undefined },
        { token: listTenant.admin.token },
      );
      expect(res.status).toBe(201);
    }
  });

  it("paginates by name with the page envelope", async () => {
    const first = await get("/clients?page=1&page_size=2", { token: listTenant.rep.token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 5, page: 1, page_size: 2, total_pages: 3 });
    expect(first.body.items.map((c: { name: string }) => c.name)).toEqual(["Alpha", "Bravo"]);

    const last = await get("/clients?page=3&page_size=2", { token: listTenant.rep.token });
    expect(last.body.items.map((c: { name: string }) => c.name)).toEqual(["echo"]);

    const beyond = await get("/clients?page=4&page_size=2", { token: listTenant.rep.token });
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatchObject({ items: [], total: 5, page: 4, total_pages: 3 });

    const defaults = await get("/clients", { token: listTenant.rep.token });
    expect(defaults.body).toMatchObject({ page: 1, page_size: 20, total: 5 });
  });

  it("rejects page_size above 100 and page 0 with 422", async () => {
    const big = await get("/clients?page_size=101", { token: listTenant.rep.token });
    expect(big.status).toBe(422);
    expect(fieldsOf(big.body)).toEqual(["page_size"]);
    expect((await get("/clients?page=0", { token: listTenant.rep.token })).status).toBe(422);
  });

  it("filters with q over name, company and email, case-insensitively", async () => {
    const byName = await get("/clients?q=ALP", { token: listTenant.rep.token });
    expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual(["Alpha"]);
    const byCompany = await get("/clients?q=holdings", { token: listTenant.rep.token });
    expect(byCompany.body.items.map((c: { name: string }) => c.name)).toEqual(["echo"]);
  });
});

describe("clients isolation and deletion", () => {
  it("answers 404 to another tenant's client on GET, PUT and DELETE, and leaves it untouched", async () => {
    const { body: foreign } = await post("/clients", { name: "Foreign" }, { token: other.admin.token });
    expect((await get(`/clients/${foreign.id}`, { token: t.admin.token })).status).toBe(404);
    expect((await put(`/clients/${foreign.id}`, { name: "Hijacked" }, { token: t.admin.token })).status).toBe(404);
    expect((await del(`/clients/${foreign.id}`, { token: t.admin.token })).status).toBe(404);
    expect((await get(`/clients/${foreign.id}`, { token: other.rep.token })).body.name).toBe("Foreign");
    const list = await get("/clients?page_size=100", { token: t.admin.token });
    expect(list.body.items.some((c: { id: string }) => c.id === foreign.id)).toBe(false);
  });

  it("answers 404 to a malformed id", async () => {
    expect((await get("/clients/not-a-uuid", { token: t.rep.token })).status).toBe(404);
  });

  it("lets supervisors and admins delete (soft), not reps", async () => {
    const { body: client } = await post("/clients", { name: "Doomed" }, { token: t.rep.token });
    expect((await del(`/clients/${client.id}`, { token: t.rep.token })).status).toBe(403);

    const deleted = await del(`/clients/${client.id}`, { token: t.supervisor.token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await get(`/clients/${client.id}`, { token: t.admin.token })).status).toBe(404);
    expect((await put(`/clients/${client.id}`, { name: "Back" }, { token: t.admin.token })).status).toBe(404);
    expect((await del(`/clients/${client.id}`, { token: t.admin.token })).status).toBe(404);
    const list = await get("/clients?page_size=100", { token: t.admin.token });
    expect(list.body.items.some((c: { id: string }) => c.id === client.id)).toBe(false);

    const row = await db().client.findUniqueOrThrow({ where: { id: client.id } });
    expect(row.isDeleted).toBe(true);
    expect(row.deletedAt).toBeInstanceOf(Date);

    const { body: another } = await post("/clients", { name: "Doomed too" }, { token: t.rep.token });
    expect((await del(`/clients/${another.id}`, { token: t.admin.token })).status).toBe(204);
  });

  it("answers 401 to a bad token", async () => {
    expect((await get("/clients", { token: "oqa_not-a-real-token-at-all" })).status).toBe(401);
    expect((await post("/clients", { name: "Anon" }, { token: "oqa_not-a-real-token-at-all" })).status).toBe(401);
  });
});
