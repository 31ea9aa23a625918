import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { del, get, post, put } from "../helpers/api";
import { createTestClient, createTestTenant, createTestUser, type TestTenant } from "../helpers/fixtures";

const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();
const number = (label = "Q") => `${label}-${randomUUID().slice(0, 8)}`;

let t: TestTenant;
let other: TestTenant;
let clientId: string;
let otherClientId: string;

const quoteBody = (overrides: Record<string, unknown> = {}) => ({
  client_id: clientId,
  quote_number: number(),
  total_amount: "12500.50",
  currency: "eur",
  status: "SENT",
  valid_until: "2026-03-31",
  ...overrides,
});

beforeAll(async () => {
  [t, other] = await Promise.all([createTestTenant("Quotes"), createTestTenant("Quotes other")]);
  clientId = (await createTestClient(t.tenantId, "Globex")).id;
  otherClientId = (await createTestClient(other.tenantId, "Foreign Co")).id;
});

describe("quotes create and read", () => {
  it("creates a quote (201) owned by the caller and reads it back with embedded client and sales rep", async () => {
    const body = quoteBody();
    const created = await post("/quotes", body, { token: t.rep.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      tenant_id: t.tenantId,
      client_id: clientId,
      client: { id: clientId, name: "Globex" },
      quote_number: body.quote_number,
      total_amount: "12500.50",
      currency: "EUR",
      status: "SENT",
      valid_until: "2026-03-31",
      sales_rep_id: t.rep.userId,
      sales_rep: { id: t.rep.userId, name: t.rep.name, email: t.rep.email },
    });
    const read = await get(`/quotes/${created.body.id}`, { token: t.rep.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it("defaults currency to USD and status to DRAFT, and accepts a numeric amount", async () => {
    const created = await post(
      "/quotes",
      { client_id: clientId, quote_number: number(), total_amount: 99.5, valid_until: "2026-02-28" },
      { token: t.rep.token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ currency: "USD", status: "DRAFT", total_amount: "99.50", valid_until: "2026-02-28" });
  });

  it("lets a supervisor create a quote for a rep", async () => {
    const created = await post("/quotes", quoteBody({ sales_rep_id: t.rep.userId }), { token: t.supervisor.token });
    expect(created.status).toBe(201);
    expect(created.body.sales_rep).toMatchObject({ id: t.rep.userId });
    expect((await get(`/quotes/${created.body.id}`, { token: t.rep.token })).status).toBe(200);
  });
});

describe("quotes validation", () => {
  it.each([
    ["too many decimals", { total_amount: "1.234" }, ["total_amount"]],
    ["a negative amount", { total_amount: "-1.00" }, ["total_amount"]],
    ["text as amount", { total_amount: "abc" }, ["total_amount"]],
    ["a bad date", { valid_until: "2026-02-30" }, ["valid_until"]],
    ["a non-ISO date", { valid_until: "31/03/2026" }, ["valid_until"]],
    ["an unknown status", { status: "WON" }, ["status"]],
    ["a bad currency", { currency: "EURO" }, ["currency"]],
    ["an empty quote number", { quote_number: "  " }, ["quote_number"]],
    ["a malformed client id", { client_id: "nope" }, ["client_id"]],
  ])("answers 422 for %s", async (_label, overrides, fields) => {
    const res = await post("/quotes", quoteBody(overrides), { token: t.rep.token });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(fields);
  });

  it("answers 422 naming every missing required field", async () => {
    const res = await post("/quotes", {}, { token: t.rep.token });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(["client_id", "quote_number", "total_amount", "valid_until"]);
  });

  it("answers 422 on client_id for an unknown client, another tenant's client and a deleted client", async () => {
    const deleted = await createTestClient(t.tenantId, "Gone");
    await db().client.update({ where: { id: deleted.id }, data: { isDeleted: true, deletedAt: new Date() } });
    for (const id of [randomUUID(), otherClientId, deleted.id]) {
      const res = await post("/quotes", quoteBody({ client_id: id }), { token: t.rep.token });
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(["client_id"]);
    }
  });

  it("answers 422 on sales_rep_id when a manager names an inactive, unknown or foreign user", async () => {
    const inactive = await createTestUser(t.tenantId, "SALES_REP");
    await db().user.update({ where: { id: inactive.userId }, data: { isActive: false } });
    for (const id of [inactive.userId, randomUUID(), other.rep.userId]) {
      const res = await post("/quotes", quoteBody({ sales_rep_id: id }), { token: t.admin.token });
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(["sales_rep_id"]);
    }
  });

  it("answers 403 when a rep names someone else as the sales rep, on create and update", async () => {
    const create = await post("/quotes", quoteBody({ sales_rep_id: t.otherRep.userId }), { token: t.rep.token });
    expect(create.status).toBe(403);
    const { body: quote } = await post("/quotes", quoteBody(), { token: t.rep.token });
    const update = await put(`/quotes/${quote.id}`, { sales_rep_id: t.otherRep.userId }, { token: t.rep.token });
    expect(update.status).toBe(403);
    const self = await put(`/quotes/${quote.id}`, { sales_rep_id: t.rep.userId }, { token: t.rep.token });
    expect(self.status).toBe(200);
  });
});

describe("quote numbers", () => {
  it("answers 409 for a number already used in the tenant, by anyone", async () => {
    const quoteNumber = number("DUP");
    expect((await post("/quotes", quoteBody({ quote_number: quoteNumber }), { token: t.rep.token })).status).toBe(201);
    const again = await post("/quotes", quoteBody({ quote_number: quoteNumber }), { token: t.otherRep.token });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    // Another tenant may use the same number.
    expect(
      (await post("/quotes", { ...quoteBody({ quote_number: quoteNumber }), client_id: otherClientId }, { token: other.rep.token })).status,
    ).toBe(201);
  });

  it("answers 409 when an update takes another quote's number, and allows keeping its own", async () => {
    const { body: a } = await post("/quotes", quoteBody(), { token: t.rep.token });
    const { body: b } = await post("/quotes", quoteBody(), { token: t.rep.token });
    expect((await put(`/quotes/${b.id}`, { quote_number: a.quote_number }, { token: t.rep.token })).status).toBe(409);
    expect((await put(`/quotes/${b.id}`, { quote_number: b.quote_number, status: "ACCEPTED" }, { token: t.rep.token })).status).toBe(200);
  });

  it("frees the number of a deleted quote", async () => {
    const { body: quote } = await post("/quotes", quoteBody(), { token: t.rep.token });
    expect((await del(`/quotes/${quote.id}`, { token: t.rep.token })).status).toBe(204);
    expect((await post("/quotes", quoteBody({ quote_number: quote.quote_number }), { token: t.rep.token })).status).toBe(201);
  });

  it("lets only one of many concurrent creates take a number", async () => {
    const quoteNumber = number("RACE");
    const results = await Promise.all(
      Array.from({ length: 6 }, () => post("/quotes", quoteBody({ quote_number: quoteNumber }), { token: t.rep.token })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });
});

describe("quotes update", () => {
  it("updates partially and returns the quote", async () => {
    const { body: quote } = await post("/quotes", quoteBody({ total_amount: "100.00" }), { token: t.rep.token });
    const updated = await put(`/quotes/${quote.id}`, { total_amount: "250", status: "ACCEPTED" }, { token: t.rep.token });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: quote.id,
      total_amount: "250.00",
      status: "ACCEPTED",
      quote_number: quote.quote_number,
      valid_until: quote.valid_until,
    });
  });

  it("validates updates like creates", async () => {
    const { body: quote } = await post("/quotes", quoteBody(), { token: t.rep.token });
    const bad = await put(
      `/quotes/${quote.id}`,
      { total_amount: "1.234", valid_until: "tomorrow", status: "LOST" },
      { token: t.rep.token },
    );
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(["status", "total_amount", "valid_until"]);
    const foreignClient = await put(`/quotes/${quote.id}`, { client_id: otherClientId }, { token: t.rep.token });
    expect(foreignClient.status).toBe(422);
    expect(fieldsOf(foreignClient.body)).toEqual(["client_id"]);
  });

  it("lets a supervisor hand a quote to another rep", async () => {
    const { body: quote } = await post("/quotes", quoteBody(), { token: t.rep.token });
    const moved = await put(`/quotes/${quote.id}`, { sales_rep_id: t.otherRep.userId }, { token: t.supervisor.token });
    expect(moved.status).toBe(200);
    expect(moved.body.sales_rep).toMatchObject({ id: t.otherRep.userId, email: t.otherRep.email });
    expect((await get(`/quotes/${quote.id}`, { token: t.rep.token })).status).toBe(404);
    expect((await get(`/quotes/${quote.id}`, { token: t.otherRep.token })).status).toBe(200);
  });
});

describe("quotes visibility", () => {
  it("hides another rep's quote (404 on GET, PUT, DELETE) and shows it to supervisors and admins", async () => {
    const { body: quote } = await post("/quotes", quoteBody(), { token: t.otherRep.token });
    expect((await get(`/quotes/${quote.id}`, { token: t.rep.token })).status).toBe(404);
    expect((await put(`/quotes/${quote.id}`, { status: "REJECTED" }, { token: t.rep.token })).status).toBe(404);
    expect((await del(`/quotes/${quote.id}`, { token: t.rep.token })).status).toBe(404);
    expect((await get(`/quotes/${quote.id}`, { token: t.supervisor.token })).status).toBe(200);
    expect((await get(`/quotes/${quote.id}`, { token: t.admin.token })).body.status).toBe("SENT");

    const repList = await get("/quotes?page_size=100", { token: t.rep.token });
    expect(repList.body.items.every((q: { sales_rep_id: string }) => q.sales_rep_id === t.rep.userId)).toBe(true);
    const supervisorList = await get(`/quotes?page_size=100&sales_rep_id=${t.otherRep.userId}`, { token: t.supervisor.token });
    expect(supervisorList.body.items.map((q: { id: string }) => q.id)).toContain(quote.id);
    const repAsksForOther = await get(`/quotes?sales_rep_id=${t.otherRep.userId}`, { token: t.rep.token });
    expect(repAsksForOther.body).toMatchObject({ items: [], total: 0 });
  });

  it("answers 404 to another tenant's quote on GET, PUT and DELETE", async () => {
    const { body: foreign } = await post("/quotes", { ...quoteBody(), client_id: otherClientId }, { token: other.admin.token });
    expect(foreign.tenant_id).toBe(other.tenantId);
    expect((await get(`/quotes/${foreign.id}`, { token: t.admin.token })).status).toBe(404);
    expect((await put(`/quotes/${foreign.id}`, { status: "REJECTED" }, { token: t.admin.token })).status).toBe(404);
    expect((await del(`/quotes/${foreign.id}`, { token: t.admin.token })).status).toBe(404);
    expect((await get(`/quotes/${foreign.id}`, { token: other.admin.token })).body.status).toBe("SENT");
  });
});

describe("quotes list", () => {
  let lt: TestTenant;
  let ltClient: string;
  let ltOtherClient: string;

  beforeAll(async () => {
    lt = await createTestTenant("Quote list");
    ltClient = (await createTestClient(lt.tenantId, "Alpha")).id;
    ltOtherClient = (await createTestClient(lt.tenantId, "Beta")).id;
    const rows: [string, string, string, string][] = [
      ["Q-3", "2026-05-01", "DRAFT", ltClient],
      ["Q-2", "2026-04-01", "SENT", ltClient],
      ["Q-1", "2026-04-01", "SENT", ltOtherClient],
      ["Q-0", "2026-06-01", "ACCEPTED", ltClient],
    ];
    for (const [quote_number, valid_until, status, client_id] of rows) {
      const res = await post("/quotes", { client_id, quote_number, valid_until, status, total_amount: "10" }, { token: lt.rep.token });
      expect(res.status).toBe(201);
    }
  });

  it("sorts by valid_until then quote_number and paginates", async () => {
    const all = await get("/quotes", { token: lt.supervisor.token });
    expect(all.body.items.map((q: { quote_number: string }) => q.quote_number)).toEqual(["Q-1", "Q-2", "Q-3", "Q-0"]);
    const page2 = await get("/quotes?page=2&page_size=3", { token: lt.rep.token });
    expect(page2.body).toMatchObject({ total: 4, page: 2, page_size: 3, total_pages: 2 });
    expect(page2.body.items.map((q: { quote_number: string }) => q.quote_number)).toEqual(["Q-0"]);
    const beyond = await get("/quotes?page=9&page_size=3", { token: lt.rep.token });
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatchObject({ items: [], total: 4, page: 9, total_pages: 2 });
  });

  it("rejects page_size 101 and bad filters with 422", async () => {
    const big = await get("/quotes?page_size=101", { token: lt.rep.token });
    expect(big.status).toBe(422);
    expect(fieldsOf(big.body)).toEqual(["page_size"]);
    const bad = await get("/quotes?status=WON&client_id=x", { token: lt.rep.token });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(["client_id", "status"]);
  });

  it("filters by status and client", async () => {
    const sent = await get("/quotes?status=SENT", { token: lt.admin.token });
    expect(sent.body.items.map((q: { quote_number: string }) => q.quote_number)).toEqual(["Q-1", "Q-2"]);
    const beta = await get(`/quotes?client_id=${ltOtherClient}`, { token: lt.admin.token });
    expect(beta.body.items.map((q: { quote_number: string }) => q.quote_number)).toEqual(["Q-1"]);
    const none = await get("/quotes", { token: lt.otherRep.token });
    expect(none.body).toMatchObject({ items: [], total: 0, total_pages: 0 });
  });
});

describe("quotes deletion", () => {
  it("lets the owning rep delete (soft): 404 afterwards and gone from the list", async () => {
    const { body: quote } = await post("/quotes", quoteBody(), { token: t.rep.token });
    const deleted = await del(`/quotes/${quote.id}`, { token: t.rep.token });
    expect(deleted.status).toBe(204);
    expect((await get(`/quotes/${quote.id}`, { token: t.rep.token })).status).toBe(404);
    expect((await get(`/quotes/${quote.id}`, { token: t.admin.token })).status).toBe(404);
    expect((await put(`/quotes/${quote.id}`, { status: "SENT" }, { token: t.rep.token })).status).toBe(404);
    const list = await get("/quotes?page_size=100", { token: t.admin.token });
    expect(list.body.items.some((q: { id: string }) => q.id === quote.id)).toBe(false);
    const row = await db().quote.findUniqueOrThrow({ where: { id: quote.id } });
    expect(row).toMatchObject({ isDeleted: true });
    expect(row.deletedAt).toBeInstanceOf(Date);
  });

  it("lets supervisors and admins delete a rep's quote", async () => {
    const { body: a } = await post("/quotes", quoteBody(), { token: t.rep.token });
    const { body: b } = await post("/quotes", quoteBody(), { token: t.rep.token });
    expect((await del(`/quotes/${a.id}`, { token: t.supervisor.token })).status).toBe(204);
    expect((await del(`/quotes/${b.id}`, { token: t.admin.token })).status).toBe(204);
  });
});
