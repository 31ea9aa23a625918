import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { getOverdueOpportunities, setExchangeRates } from "@/lib/opportunities";
import { createTestUser } from "../helpers/fixtures";
import { del, get, post, put } from "../helpers/api";
import { backdate, createOpp, createWorld, dateIn, fieldsOf, todayIso, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;
let other: OppWorld;

beforeAll(async () => {
  [w, other] = await Promise.all([createWorld("Crud"), createWorld("Crud other")]);
  // Deals in euros and pounds need their rates (to the base currency, USD).
  await setExchangeRates(w.admin, [
    { currency: "EUR", rate: "1.08", effective_from: dateIn(-1) },
    { currency: "GBP", rate: "1.27", effective_from: dateIn(-1) },
  ]);
});

const base = () => ({ name: "Deal", client_id: w.clientId, estimated_value: "1000.00", expected_close_date: dateIn(30) });

describe("create", () => {
  it("creates an opportunity with the contract's shape and defaults (201, ETag, history)", async () => {
    const res = await post(
      "/opportunities",
      { ...base(), name: "  Enterprise License  ", description: "100 seats" },
      { token: w.rep.token },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.body).toEqual({
      id: expect.any(String),
      tenant_id: w.tenantId,
      name: "Enterprise License",
      description: "100 seats",
      client_id: w.clientId,
      client: { id: w.clientId, name: "Acme Corp" },
      assigned_to: w.rep.userId,
      assigned_user: { id: w.rep.userId, name: "Rep", email: w.rep.email },
      estimated_value: "1000.00",
      currency: "USD",
      probability: "10.00",
      probability_is_custom: false,
      forecast_category: "PIPELINE",
      forecast_category_is_custom: false,
      weighted_value: "100.00",
      base_currency: "USD",
      base_value: "1000.00",
      base_weighted_value: "100.00",
      fx_rate: null,
      expected_close_date: dateIn(30),
      actual_close_date: null,
      stage: "LEAD",
      loss_reason: null,
      loss_reason_id: null,
      close_date_pushes: 0,
      is_closed: false,
      is_won: false,
      version: 1,
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
      next_activity: null,
      last_activity_at: null,
      stage_entered_at: expect.stringMatching(/Z$/),
      days_in_stage: 0,
      is_stale: false,
    });
    const history = await get(`/opportunities/${res.body.id}/history`, { token: w.rep.token });
    expect(history.body.items).toEqual([
      {
        id: expect.any(String),
        from_stage: null,
        to_stage: "LEAD",
        changed_by: { id: w.rep.userId, name: "Rep" },
        loss_reason: null,
        reason: null,
        changed_at: expect.any(String),
      },
    ]);
  });

  it("accepts the guide's example (stage, probability, currency) and numbers for decimals", async () => {
    const res = await post(
      "/opportunities",
      { ...base(), estimated_value: 50000, currency: "eur", probability: 70, stage: "PROPOSAL" },
      { token: w.rep.token },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      estimated_value: "50000.00",
      currency: "EUR",
      probability: "70.00",
      weighted_value: "35000.00",
      stage: "PROPOSAL",
    });
  });

  it("defaults probability to the stage's (QUALIFIED 25, PROPOSAL 50, NEGOTIATION 75)", async () => {
    for (const [stage, probability] of [
      ["QUALIFIED", "25.00"],
      ["PROPOSAL", "50.00"],
      ["NEGOTIATION", "75.00"],
    ]) {
      expect((await createOpp(w, w.rep.token, { stage })).probability).toBe(probability);
    }
  });

  it("rejects a client that does not exist, is deleted or belongs to another tenant (422 on client_id)", async () => {
    const deleted = await db().client.create({ data: { tenantId: w.tenantId, name: "Gone", isDeleted: true, deletedAt: new Date() } });
    for (const clientId of [randomUUID(), deleted.id, other.clientId]) {
      const res = await post("/opportunities", { ...base(), client_id: clientId }, { token: w.rep.token });
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(["client_id"]);
    }
  });

  it("rejects missing required fields with one error each", async () => {
    const res = await post("/opportunities", {}, { token: w.rep.token });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(["client_id", "estimated_value", "expected_close_date", "name"]);
  });

  it("rejects 3-decimal, negative, zero and oversized values and bad probabilities with their field", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ estimated_value: "10.123" }, "estimated_value"],
      [{ estimated_value: "-5.00" }, "estimated_value"],
      [{ estimated_value: "0" }, "estimated_value"],
      [{ estimated_value: 10.123 }, "estimated_value"],
      [{ estimated_value: "1e5" }, "estimated_value"],
      [{ estimated_value: "1234567890123.00" }, "estimated_value"],
      [{ probability: "100.01" }, "probability"],
      [{ probability: "-1" }, "probability"],
      [{ probability: "50.555" }, "probability"],
      [{ currency: "DOLLARS" }, "currency"],
      [{ name: "x".repeat(201) }, "name"],
      [{ name: "   " }, "name"],
      [{ expected_close_date: "2030-02-30" }, "expected_close_date"],
      [{ expected_close_date: "31/12/2030" }, "expected_close_date"],
      [{ stage: "WON" }, "stage"],
      [{ assigned_to: "nobody" }, "assigned_to"],
      [{ unexpected: 1 }, "body"],
    ];
    for (const [patch, field] of cases) {
      const res = await post("/opportunities", { ...base(), ...patch }, { token: w.rep.token });
      expect(res.status, JSON.stringify(patch)).toBe(422);
      expect(fieldsOf(res.body), JSON.stringify(patch)).toEqual([field]);
    }
  });

  it("wants an expected close date strictly after today", async () => {
    for (const date of [todayIso(), dateIn(-1)]) {
      const res = await post("/opportunities", { ...base(), expected_close_date: date }, { token: w.rep.token });
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(["expected_close_date"]);
    }
    expect((await createOpp(w, w.rep.token, { expected_close_date: dateIn(1) })).expected_close_date).toBe(dateIn(1));
  });

  it("refuses to create in a closed stage", async () => {
    for (const stage of ["CLOSED_WON", "CLOSED_LOST"]) {
      const res = await post("/opportunities", { ...base(), stage, loss_reason: "x" }, { token: w.admin.token });
      expect(res.status).toBe(422);
    }
    const res = await post("/opportunities", { ...base(), stage: "CLOSED_WON" }, { token: w.admin.token });
    expect(fieldsOf(res.body)).toEqual(["stage"]);
  });

  it("reports every field error at once, the database checks included", async () => {
    const res = await post(
      "/opportunities",
      { ...base(), client_id: randomUUID(), expected_close_date: dateIn(-3), stage: "CLOSED_WON" },
      { token: w.admin.token },
    );
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(["client_id", "expected_close_date", "stage"]);
  });

  it("keeps money exact: 1234567890.99 round-trips, 0.10 × 33.33% weighs 0.03", async () => {
    const big = await createOpp(w, w.rep.token, { estimated_value: "1234567890.99", probability: "100" });
    expect(big).toMatchObject({ estimated_value: "1234567890.99", weighted_value: "1234567890.99" });
    expect((await get(`/opportunities/${big.id}`, { token: w.rep.token })).body.estimated_value).toBe("1234567890.99");
    const max = await createOpp(w, w.rep.token, { estimated_value: "999999999999.99", probability: "99.99" });
    expect(max).toMatchObject({ estimated_value: "999999999999.99", weighted_value: "999899999999.99" });
    const small = await createOpp(w, w.rep.token, { estimated_value: "0.10", probability: "33.33" });
    expect(small).toMatchObject({ estimated_value: "0.10", probability: "33.33", weighted_value: "0.03" });
    const half = await createOpp(w, w.rep.token, { estimated_value: "0.50", probability: "1" });
    expect(half.weighted_value).toBe("0.01");
  });
});

describe("assignment", () => {
  it("lets a manager assign to any active user of the tenant", async () => {
    for (const manager of [w.admin, w.supervisor]) {
      const created = await createOpp(w, manager.token, { assigned_to: w.otherRep.userId });
      expect(created.assigned_to).toBe(w.otherRep.userId);
      expect(created.assigned_user.name).toBe("Other Rep");
    }
  });

  it("refuses inactive users and other tenants' users (422 on assigned_to)", async () => {
    const inactive = await createTestUser(w.tenantId, "SALES_REP", "Gone Rep");
    await db().user.update({ where: { id: inactive.userId }, data: { isActive: false } });
    for (const userId of [inactive.userId, other.rep.userId, randomUUID()]) {
      const res = await post("/opportunities", { ...base(), assigned_to: userId }, { token: w.admin.token });
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(["assigned_to"]);
    }
  });

  it("lets a rep assign only to themselves (403 otherwise)", async () => {
    expect((await createOpp(w, w.rep.token, { assigned_to: w.rep.userId })).assigned_to).toBe(w.rep.userId);
    const res = await post("/opportunities", { ...base(), assigned_to: w.otherRep.userId }, { token: w.rep.token });
    expect(res.status).toBe(403);
  });
});

describe("get", () => {
  it("gets an opportunity by id with its ETag", async () => {
    const created = await createOpp(w, w.rep.token);
    const res = await get(`/opportunities/${created.id}`, { token: w.rep.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.body).toEqual(created);
  });

  it("answers 404 for an unknown, malformed or deleted id", async () => {
    expect((await get(`/opportunities/${randomUUID()}`, { token: w.admin.token })).status).toBe(404);
    expect((await get(`/opportunities/not-a-uuid`, { token: w.admin.token })).status).toBe(404);
    const created = await createOpp(w, w.rep.token);
    expect((await del(`/opportunities/${created.id}`, { token: w.admin.token })).status).toBe(204);
    const res = await get(`/opportunities/${created.id}`, { token: w.admin.token });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("update (PUT, partial)", () => {
  it("changes only the fields sent and bumps the version", async () => {
    const created = await createOpp(w, w.rep.token, { description: "keep me" });
    const res = await put(
      `/opportunities/${created.id}`,
      {
        name: "Renamed",
        estimated_value: "2500.50",
        probability: "40",
        currency: "gbp",
        client_id: w.otherClientId,
        expected_close_date: dateIn(60),
      },
      { token: w.rep.token },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"2"');
    expect(res.body).toMatchObject({
      name: "Renamed",
      description: "keep me",
      estimated_value: "2500.50",
      probability: "40.00",
      weighted_value: "1000.20",
      currency: "GBP",
      client: { id: w.otherClientId, name: "Globex" },
      expected_close_date: dateIn(60),
      stage: "LEAD",
      version: 2,
    });
    const cleared = await put(`/opportunities/${created.id}`, { description: null }, { token: w.rep.token });
    expect(cleared.body).toMatchObject({ description: null, name: "Renamed", version: 3 });
  });

  it("validates the expected close date only when it changes", async () => {
    const created = await createOpp(w, w.rep.token);
    await backdate(created.id, 5);
    const unchanged = await put(
      `/opportunities/${created.id}`,
      { expected_close_date: dateIn(-5), name: "Still late" },
      { token: w.rep.token },
    );
    expect(unchanged.status).toBe(200);
    const moved = await put(`/opportunities/${created.id}`, { expected_close_date: dateIn(-2) }, { token: w.rep.token });
    expect(moved.status).toBe(422);
    expect(fieldsOf(moved.body)).toEqual(["expected_close_date"]);
  });

  it("rejects bad values with their field and changes nothing", async () => {
    const created = await createOpp(w, w.rep.token);
    const res = await put(
      `/opportunities/${created.id}`,
      { estimated_value: "-1", probability: "101", client_id: other.clientId },
      { token: w.rep.token },
    );
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(["estimated_value", "probability"]);
    const badClient = await put(`/opportunities/${created.id}`, { client_id: other.clientId }, { token: w.rep.token });
    expect(fieldsOf(badClient.body)).toEqual(["client_id"]);
    expect((await get(`/opportunities/${created.id}`, { token: w.rep.token })).body).toEqual(created);
  });

  it("applies the assignment rules on reassignment", async () => {
    const created = await createOpp(w, w.rep.token);
    expect((await put(`/opportunities/${created.id}`, { assigned_to: w.otherRep.userId }, { token: w.rep.token })).status).toBe(403);
    expect((await put(`/opportunities/${created.id}`, { assigned_to: other.rep.userId }, { token: w.supervisor.token })).status).toBe(422);
    const moved = await put(`/opportunities/${created.id}`, { assigned_to: w.otherRep.userId }, { token: w.supervisor.token });
    expect(moved.status).toBe(200);
    expect(moved.body.assigned_user.id).toBe(w.otherRep.userId);
    expect((await get(`/opportunities/${created.id}`, { token: w.rep.token })).status).toBe(404);
    expect((await get(`/opportunities/${created.id}`, { token: w.otherRep.token })).status).toBe(200);
  });

  it("moving to another open stage takes its default probability unless one is sent, and records history", async () => {
    const created = await createOpp(w, w.rep.token);
    const qualified = await put(`/opportunities/${created.id}`, { stage: "QUALIFIED" }, { token: w.rep.token });
    expect(qualified.body).toMatchObject({ stage: "QUALIFIED", probability: "25.00" });
    const proposal = await put(`/opportunities/${created.id}`, { stage: "PROPOSAL", probability: "42.5" }, { token: w.rep.token });
    expect(proposal.body).toMatchObject({ stage: "PROPOSAL", probability: "42.50" });
    const same = await put(`/opportunities/${created.id}`, { stage: "PROPOSAL", name: "Same stage" }, { token: w.rep.token });
    expect(same.body).toMatchObject({ stage: "PROPOSAL", probability: "42.50" });
    const history = (await get(`/opportunities/${created.id}/history`, { token: w.rep.token })).body.items;
    expect(history.map((h: { from_stage: string; to_stage: string }) => [h.from_stage, h.to_stage])).toEqual([
      [null, "LEAD"],
      ["LEAD", "QUALIFIED"],
      ["QUALIFIED", "PROPOSAL"],
    ]);
  });

  it("closing through PUT applies the closing rules (won → 100, lost → 0 with a reason, close date today)", async () => {
    const won = await createOpp(w, w.rep.token);
    const wonRes = await put(`/opportunities/${won.id}`, { stage: "CLOSED_WON", probability: "20" }, { token: w.rep.token });
    expect(wonRes.body).toMatchObject({
      stage: "CLOSED_WON",
      probability: "100.00",
      weighted_value: "1000.00",
      actual_close_date: todayIso(),
      is_closed: true,
      is_won: true,
    });

    const lost = await createOpp(w, w.rep.token);
    const noReason = await put(`/opportunities/${lost.id}`, { stage: "CLOSED_LOST" }, { token: w.rep.token });
    expect(noReason.status).toBe(422);
    expect(fieldsOf(noReason.body)).toEqual(["loss_reason"]);
    const lostRes = await put(`/opportunities/${lost.id}`, { stage: "CLOSED_LOST", loss_reason: "Budget cut" }, { token: w.rep.token });
    expect(lostRes.body).toMatchObject({
      stage: "CLOSED_LOST",
      probability: "0.00",
      loss_reason: "Budget cut",
      actual_close_date: todayIso(),
      is_closed: true,
      is_won: false,
    });
    const history = (await get(`/opportunities/${lost.id}/history`, { token: w.rep.token })).body.items;
    expect(history.at(-1)).toMatchObject({ from_stage: "LEAD", to_stage: "CLOSED_LOST", loss_reason: "Budget cut" });
  });

  it("cannot update a closed opportunity (409), whatever the fields", async () => {
    const created = await createOpp(w, w.rep.token);
    await put(`/opportunities/${created.id}`, { stage: "CLOSED_WON" }, { token: w.rep.token });
    for (const body of [{ name: "Again" }, { stage: "LEAD" }, {}]) {
      const res = await put(`/opportunities/${created.id}`, body, { token: w.admin.token });
      expect(res.status).toBe(409);
    }
    expect((await get(`/opportunities/${created.id}`, { token: w.rep.token })).body.version).toBe(2);
  });
});

describe("delete", () => {
  it("soft-deletes (204): gone from reads and lists, still in the table", async () => {
    const created = await createOpp(w, w.rep.token, { name: "Doomed deal" });
    const res = await del(`/opportunities/${created.id}`, { token: w.admin.token });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await get(`/opportunities/${created.id}`, { token: w.rep.token })).status).toBe(404);
    expect((await get(`/opportunities?q=Doomed`, { token: w.admin.token })).body.total).toBe(0);
    expect((await del(`/opportunities/${created.id}`, { token: w.admin.token })).status).toBe(404);
    const row = await db().opportunity.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ isDeleted: true, version: 2 });
    expect(row.deletedAt).toBeInstanceOf(Date);
  });

  it("is for admins only (403 for supervisors and reps)", async () => {
    const created = await createOpp(w, w.rep.token);
    expect((await del(`/opportunities/${created.id}`, { token: w.supervisor.token })).status).toBe(403);
    expect((await del(`/opportunities/${created.id}`, { token: w.rep.token })).status).toBe(403);
    expect((await get(`/opportunities/${created.id}`, { token: w.rep.token })).status).toBe(200);
  });
});

describe("overdue opportunities", () => {
  it("lists open deals past their expected close date with days overdue, per caller scope or tenant-wide", async () => {
    const world = await createWorld("Overdue");
    const late = await createOpp(world, world.rep.token, { name: "Late" });
    const later = await createOpp(world, world.otherRep.token, { name: "Later" });
    const onTime = await createOpp(world, world.rep.token, { name: "On time" });
    const closedLate = await createOpp(world, world.rep.token, { name: "Closed late" });
    await put(`/opportunities/${closedLate.id}`, { stage: "CLOSED_WON" }, { token: world.rep.token });
    const deletedLate = await createOpp(world, world.rep.token, { name: "Deleted late" });
    await del(`/opportunities/${deletedLate.id}`, { token: world.admin.token });
    await Promise.all([backdate(late.id, 3), backdate(later.id, 10), backdate(closedLate.id, 4), backdate(deletedLate.id, 4)]);

    const tenantWide = await getOverdueOpportunities(world.admin);
    expect(tenantWide.map((o) => [o.name, o.daysOverdue])).toEqual([
      ["Later", 10],
      ["Late", 3],
    ]);
    expect(tenantWide[0]!.assignedUser.id).toBe(world.otherRep.userId);
    expect((await getOverdueOpportunities(world.rep)).map((o) => o.name)).toEqual(["Late"]);
    expect((await getOverdueOpportunities(world.supervisor)).map((o) => o.name)).toEqual(["Later", "Late"]);

    const listed = await get(`/opportunities?overdue=true&sort=expected_close_date`, { token: world.admin.token });
    expect(listed.body.items.map((o: { name: string }) => o.name)).toEqual(["Later", "Late"]);
    const notOverdue = await get(`/opportunities?overdue=false`, { token: world.admin.token });
    expect(notOverdue.body.items.map((o: { name: string }) => o.name).sort()).toEqual(["Closed late", "On time"]);
    expect(onTime.id).toBeDefined();
  });
});
