import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { del, get, patch, put } from "../helpers/api";
import { createOpp, createWorld, fieldsOf, ifMatch, todayIso, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;
let other: OppWorld;

beforeAll(async () => {
  [w, other] = await Promise.all([createWorld("Stage"), createWorld("Stage other")]);
});

const moveTo = (id: string, body: Record<string, unknown>, token = w.rep.token, headers?: Record<string, string>) =>
  patch(`/opportunities/${id}/stage`, body, { token, headers });
const historyOf = async (id: string, token = w.rep.token) => (await get(`/opportunities/${id}/history`, { token })).body.items;

describe("PATCH stage", () => {
  it("moves to an open stage with its default probability, bumps the version and records history", async () => {
    const created = await createOpp(w, w.rep.token);
    const res = await moveTo(created.id, { stage: "QUALIFIED" });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"2"');
    expect(res.body).toMatchObject({
      stage: "QUALIFIED",
      probability: "25.00",
      weighted_value: "250.00",
      version: 2,
      actual_close_date: null,
    });
    const negotiation = await moveTo(created.id, { stage: "NEGOTIATION" });
    expect(negotiation.body).toMatchObject({ probability: "75.00", version: 3 });
    const back = await moveTo(created.id, { stage: "LEAD" });
    expect(back.body).toMatchObject({ stage: "LEAD", probability: "10.00", version: 4 });
    expect((await historyOf(created.id)).map((h: { to_stage: string }) => h.to_stage)).toEqual([
      "LEAD",
      "QUALIFIED",
      "NEGOTIATION",
      "LEAD",
    ]);
  });

  it("closes as won: probability 100, closed today, history", async () => {
    const created = await createOpp(w, w.rep.token, { stage: "NEGOTIATION" });
    const res = await moveTo(created.id, { stage: "CLOSED_WON" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      stage: "CLOSED_WON",
      probability: "100.00",
      weighted_value: "1000.00",
      actual_close_date: todayIso(),
      loss_reason: null,
      is_closed: true,
      is_won: true,
    });
    expect((await historyOf(created.id)).at(-1)).toMatchObject({
      from_stage: "NEGOTIATION",
      to_stage: "CLOSED_WON",
      changed_by: { id: w.rep.userId },
      loss_reason: null,
    });
  });

  it("closes as lost with a reason: probability 0, closed today, reason kept in the deal and the history", async () => {
    const created = await createOpp(w, w.rep.token, { stage: "PROPOSAL" });
    const res = await moveTo(created.id, { stage: "CLOSED_LOST", loss_reason: "  Competitor had better pricing " });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      stage: "CLOSED_LOST",
      probability: "0.00",
      weighted_value: "0.00",
      actual_close_date: todayIso(),
      loss_reason: "Competitor had better pricing",
      is_closed: true,
      is_won: false,
    });
    expect((await historyOf(created.id)).at(-1)).toMatchObject({
      from_stage: "PROPOSAL",
      to_stage: "CLOSED_LOST",
      loss_reason: "Competitor had better pricing",
    });
  });

  it("refuses to close as lost without a reason (422) and changes nothing", async () => {
    const created = await createOpp(w, w.rep.token);
    for (const body of [
      { stage: "CLOSED_LOST" },
      { stage: "CLOSED_LOST", loss_reason: "   " },
      { stage: "CLOSED_LOST", loss_reason: null },
    ]) {
      const res = await moveTo(created.id, body);
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(["loss_reason"]);
    }
    expect((await get(`/opportunities/${created.id}`, { token: w.rep.token })).body).toEqual(created);
    expect(await historyOf(created.id)).toHaveLength(1);
  });

  it("cannot change the stage of a closed opportunity (409) and changes nothing", async () => {
    const won = await createOpp(w, w.rep.token);
    const closed = (await moveTo(won.id, { stage: "CLOSED_WON" })).body;
    for (const body of [{ stage: "LEAD" }, { stage: "CLOSED_LOST", loss_reason: "changed mind" }]) {
      const res = await moveTo(won.id, body, w.admin.token);
      expect(res.status).toBe(409);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    const lost = await createOpp(w, w.rep.token);
    await moveTo(lost.id, { stage: "CLOSED_LOST", loss_reason: "No budget" });
    expect((await moveTo(lost.id, { stage: "CLOSED_WON" })).status).toBe(409);
    expect((await get(`/opportunities/${won.id}`, { token: w.rep.token })).body).toEqual(closed);
    expect(await historyOf(won.id)).toHaveLength(2);
  });

  it("lets a closed card be reordered inside its own column (no history, stage unchanged)", async () => {
    const world = await createWorld("Closed reorder");
    const a = await createOpp(world, world.rep.token, { name: "A" });
    const b = await createOpp(world, world.rep.token, { name: "B" });
    await moveTo(a.id, { stage: "CLOSED_WON" }, world.rep.token);
    await moveTo(b.id, { stage: "CLOSED_WON" }, world.rep.token);
    const column = async () =>
      (await get("/opportunities/pipeline/board?stage=CLOSED_WON", { token: world.rep.token })).body.stages[0].items.map(
        (o: { name: string }) => o.name,
      );
    expect(await column()).toEqual(["B", "A"]);
    const res = await moveTo(a.id, { stage: "CLOSED_WON", after_id: b.id }, world.rep.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: "CLOSED_WON", probability: "100.00", version: 3 });
    expect(await column()).toEqual(["A", "B"]);
    expect(await historyOf(a.id, world.rep.token)).toHaveLength(2);
  });

  it("keeps the stage and probability when PATCHed to the same open stage without a drop point", async () => {
    const created = await createOpp(w, w.rep.token, { probability: "33" });
    const res = await moveTo(created.id, { stage: "LEAD" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: "LEAD", probability: "33.00", version: 2 });
    expect(await historyOf(created.id)).toHaveLength(1);
  });

  it("validates the body (stage required and known)", async () => {
    const created = await createOpp(w, w.rep.token);
    expect(fieldsOf((await moveTo(created.id, {})).body)).toEqual(["stage"]);
    expect(fieldsOf((await moveTo(created.id, { stage: "WON" })).body)).toEqual(["stage"]);
    expect(fieldsOf((await moveTo(created.id, { stage: "LEAD", before_id: "x" })).body)).toEqual(["before_id"]);
    expect(
      (
        await patch(`/opportunities/${created.id}/stage`, undefined, {
          token: w.rep.token,
          headers: { "content-type": "application/json" },
          rawBody: "{nope",
        })
      ).status,
    ).toBe(400);
  });

  it("rejects drop neighbours that are not visible cards of the target column (422)", async () => {
    const card = await createOpp(w, w.rep.token);
    const otherStage = await createOpp(w, w.rep.token, { stage: "PROPOSAL" });
    const othersCard = await createOpp(w, w.otherRep.token);
    const foreign = await createOpp(other, other.rep.token);
    const deleted = await createOpp(w, w.rep.token);
    await del(`/opportunities/${deleted.id}`, { token: w.admin.token });
    for (const neighbour of [otherStage.id, othersCard.id, foreign.id, deleted.id, randomUUID(), card.id]) {
      const before = await moveTo(card.id, { stage: "LEAD", before_id: neighbour });
      expect(before.status).toBe(422);
      expect(fieldsOf(before.body)).toEqual(["before_id"]);
      const after = await moveTo(card.id, { stage: "LEAD", after_id: neighbour });
      expect(fieldsOf(after.body)).toEqual(["after_id"]);
    }
    // A supervisor sees the whole tenant, so another rep's card is a fine neighbour for them.
    expect((await moveTo(card.id, { stage: "LEAD", before_id: othersCard.id }, w.supervisor.token)).status).toBe(200);
    expect((await get(`/opportunities/${card.id}`, { token: w.rep.token })).body.version).toBe(2);
  });
});

describe("history", () => {
  it("lists every stage change oldest first with who, when and the loss reason", async () => {
    const created = await createOpp(w, w.rep.token);
    await moveTo(created.id, { stage: "QUALIFIED" });
    await put(`/opportunities/${created.id}`, { stage: "PROPOSAL" }, { token: w.supervisor.token });
    await put(`/opportunities/${created.id}`, { name: "No stage change" }, { token: w.rep.token });
    await moveTo(created.id, { stage: "CLOSED_LOST", loss_reason: "Went silent" }, w.admin.token);
    const items = await historyOf(created.id);
    expect(
      items.map((h: { from_stage: string | null; to_stage: string; changed_by: { name: string }; loss_reason: string | null }) => [
        h.from_stage,
        h.to_stage,
        h.changed_by.name,
        h.loss_reason,
      ]),
    ).toEqual([
      [null, "LEAD", "Rep", null],
      ["LEAD", "QUALIFIED", "Rep", null],
      ["QUALIFIED", "PROPOSAL", "Supervisor", null],
      ["PROPOSAL", "CLOSED_LOST", "Admin", "Went silent"],
    ]);
    const times = items.map((h: { changed_at: string }) => Date.parse(h.changed_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe("optimistic concurrency (If-Match)", () => {
  it("applies a write whose If-Match matches (strong or weak form)", async () => {
    const created = await createOpp(w, w.rep.token);
    const first = await moveTo(created.id, { stage: "QUALIFIED" }, w.rep.token, ifMatch(1));
    expect(first.status).toBe(200);
    const second = await put(`/opportunities/${created.id}`, { name: "Weak" }, { token: w.rep.token, headers: { "if-match": 'W/"2"' } });
    expect(second.status).toBe(200);
    expect(second.headers.get("etag")).toBe('"3"');
  });

  it("answers 412 to a stale If-Match on PATCH, PUT and DELETE, and changes nothing", async () => {
    const created = await createOpp(w, w.rep.token);
    const current = (await put(`/opportunities/${created.id}`, { name: "v2" }, { token: w.rep.token })).body;
    expect(current.version).toBe(2);
    const stale = ifMatch(1);
    expect((await moveTo(created.id, { stage: "CLOSED_WON" }, w.rep.token, stale)).status).toBe(412);
    expect((await put(`/opportunities/${created.id}`, { name: "lost update" }, { token: w.rep.token, headers: stale })).status).toBe(412);
    expect((await del(`/opportunities/${created.id}`, { token: w.admin.token, headers: stale })).status).toBe(412);
    expect(
      (await put(`/opportunities/${created.id}`, { name: "garbage" }, { token: w.rep.token, headers: { "if-match": "abc" } })).status,
    ).toBe(412);
    expect((await get(`/opportunities/${created.id}`, { token: w.rep.token })).body).toEqual(current);
    expect(await historyOf(created.id)).toHaveLength(1);
    expect((await del(`/opportunities/${created.id}`, { token: w.admin.token, headers: ifMatch(2) })).status).toBe(204);
  });

  it("lets exactly one of two concurrent PATCHes with the same If-Match win (the other 412)", async () => {
    for (let round = 0; round < 5; round++) {
      const created = await createOpp(w, w.rep.token);
      const [a, b] = await Promise.all([
        moveTo(created.id, { stage: "CLOSED_WON" }, w.rep.token, ifMatch(1)),
        moveTo(created.id, { stage: "CLOSED_LOST", loss_reason: "race" }, w.supervisor.token, ifMatch(1)),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? a.body : b.body;
      const stored = (await get(`/opportunities/${created.id}`, { token: w.rep.token })).body;
      expect(stored).toMatchObject({ stage: winner.stage, version: 2 });
      expect(await historyOf(created.id)).toHaveLength(2);
    }
  });

  it("without If-Match, concurrent writes are applied one after the other against the fresh row", async () => {
    const created = await createOpp(w, w.rep.token);
    const results = await Promise.all([
      moveTo(created.id, { stage: "QUALIFIED" }),
      put(`/opportunities/${created.id}`, { name: "Renamed concurrently" }, { token: w.supervisor.token }),
      moveTo(created.id, { stage: "PROPOSAL" }, w.admin.token),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const stored = (await get(`/opportunities/${created.id}`, { token: w.rep.token })).body;
    expect(stored.version).toBe(4);
    expect(stored.name).toBe("Renamed concurrently");
    const chain = (await historyOf(created.id)).map((h: { from_stage: string | null; to_stage: string }) => [h.from_stage, h.to_stage]);
    expect(chain).toHaveLength(3);
    for (let i = 1; i < chain.length; i++) expect(chain[i][0]).toBe(chain[i - 1][1]);
    expect(chain.at(-1)[1]).toBe(stored.stage);
  });

  it("re-checks the rules on a lost race: closing twice concurrently gives one 200 and one 409", async () => {
    const created = await createOpp(w, w.rep.token);
    const [a, b] = await Promise.all([
      moveTo(created.id, { stage: "CLOSED_WON" }),
      moveTo(created.id, { stage: "CLOSED_LOST", loss_reason: "race" }, w.admin.token),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await historyOf(created.id)).toHaveLength(2);
  });
});
