import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { setExchangeRates, toBoardCard } from "@/lib/opportunities";
import { get, patch, post } from "../helpers/api";
import { backdate, createOpp, createWorld, dateIn, todayIso, fieldsOf, type OppWorld } from "./opportunities-helpers";

type Card = { id: string; name: string; owner_id: string; client_name: string; value: string; probability: string };
type Column = { stage: string; count: number; total_value: string; weighted_value: string; items: Card[]; next_cursor: string | null };

const boardResponse = async (token: string, query = "") => {
  const res = await get(`/opportunities/pipeline/board${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
};
const boardOf = async (token: string, query = ""): Promise<Column[]> => (await boardResponse(token, query)).body.stages;
const column = async (token: string, stage: string, query = "") => (await boardOf(token, `?stage=${stage}&limit=100${query}`))[0]!;
const namesIn = async (token: string, stage: string, query = "") => (await column(token, stage, query)).items.map((c) => c.name);
const move = (id: string, body: Record<string, unknown>, token: string) => patch(`/opportunities/${id}/stage`, body, { token });

describe("board shape", () => {
  let w: OppWorld;
  beforeAll(async () => {
    w = await createWorld("Board shape");
    await createOpp(w, w.rep.token, { name: "Lead 1", estimated_value: "100.00" });
    await createOpp(w, w.rep.token, { name: "Lead 2", estimated_value: "0.10", probability: "33.33" });
    await createOpp(w, w.otherRep.token, { name: "Proposal", estimated_value: "999.99", stage: "PROPOSAL", client_id: w.otherClientId });
  });

  it("lists all six stages in pipeline order with totals and their cards, newest card on top", async () => {
    const board = (await boardResponse(w.admin.token)).body;
    const stages: Column[] = board.stages;
    expect(stages.map((s) => s.stage)).toEqual(["LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION", "CLOSED_WON", "CLOSED_LOST"]);
    expect(stages[0]).toMatchObject({ count: 2, total_value: "100.10", weighted_value: "10.03", next_cursor: null });
    expect(stages[0]!.items.map((c) => c.name)).toEqual(["Lead 2", "Lead 1"]);
    expect(stages[0]!.items[0]).toMatchObject({ value: "0.10", probability: "33.33", client_name: "Acme Corp", owner_id: w.rep.userId });
    expect(stages[2]).toMatchObject({ count: 1, total_value: "999.99", weighted_value: "500.00" });
    expect(stages[1]).toEqual({ stage: "QUALIFIED", count: 0, total_value: "0.00", weighted_value: "0.00", items: [], next_cursor: null });
    expect(board.owners).toEqual(
      expect.arrayContaining([
        { id: w.rep.userId, name: expect.any(String), initials: expect.stringMatching(/^[A-Z]{1,2}$/) },
        { id: w.otherRep.userId, name: expect.any(String), initials: expect.stringMatching(/^[A-Z]{1,2}$/) },
      ]),
    );
    expect(board.owners).toHaveLength(2);
  });

  it("applies the list's filters and RBAC to cards and totals alike", async () => {
    const repBoard = await boardOf(w.rep.token);
    expect(repBoard.map((s) => s.count)).toEqual([2, 0, 0, 0, 0, 0]);
    expect((await boardOf(w.supervisor.token, `?assigned_to=${w.otherRep.userId}`)).map((s) => s.count)).toEqual([0, 0, 1, 0, 0, 0]);
    expect((await boardOf(w.rep.token, `?assigned_to=${w.otherRep.userId}`)).map((s) => s.count)).toEqual([0, 0, 0, 0, 0, 0]);
    expect((await boardOf(w.admin.token, `?client_id=${w.otherClientId}`)).map((s) => s.count)).toEqual([0, 0, 1, 0, 0, 0]);
    const searched = await boardOf(w.admin.token, "?q=lead%202");
    expect(searched[0]).toMatchObject({ count: 1, total_value: "0.10", weighted_value: "0.03" });
    expect(searched[0]!.items.map((c) => c.name)).toEqual(["Lead 2"]);
  });

  it("validates its query (422)", async () => {
    for (const [query, field] of [
      ["?limit=101", "limit"],
      ["?limit=0", "limit"],
      ["?stage=DONE", "stage"],
      ["?cursor=abc", "cursor"],
      ["?stage=LEAD&cursor=%21%21", "cursor"],
      ["?stage=LEAD&cursor=Zm9v", "cursor"],
      ["?client_id=x", "client_id"],
    ]) {
      const res = await get(`/opportunities/pipeline/board${query}`, { token: w.admin.token });
      expect(res.status, query).toBe(422);
      expect(fieldsOf(res.body), query).toEqual([field]);
    }
    expect((await get("/opportunities/pipeline/board?limit=100", { token: w.admin.token })).status).toBe(200);
  });
});

describe("board pagination", () => {
  let w: OppWorld;
  beforeAll(async () => {
    w = await createWorld("Board pages");
    for (let i = 1; i <= 7; i++) await createOpp(w, w.rep.token, { name: `Card ${i}`, estimated_value: `${i}.00` });
    await createOpp(w, w.rep.token, { name: "Qualified", stage: "QUALIFIED" });
  });

  it("caps each column at `limit` with the column's true totals and walks it by cursor with no duplicates or gaps", async () => {
    const all = (await column(w.admin.token, "LEAD")).items.map((c) => c.id);
    expect(all).toHaveLength(7);
    const first = await boardOf(w.admin.token, "?limit=3");
    expect(first).toHaveLength(6);
    expect(first[0]).toMatchObject({ count: 7, total_value: "28.00", weighted_value: "2.80" });
    expect(first[0]!.items).toHaveLength(3);
    expect(first[1]!.items).toHaveLength(1);
    expect(first[1]!.next_cursor).toBeNull();

    const seen = first[0]!.items.map((c) => c.id);
    let cursor = first[0]!.next_cursor;
    let pages = 1;
    while (cursor) {
      const next = await boardOf(w.admin.token, `?stage=LEAD&limit=3&cursor=${cursor}`);
      expect(next.map((s) => s.stage)).toEqual(["LEAD"]);
      expect(next[0]).toMatchObject({ count: 7, total_value: "28.00" });
      seen.push(...next[0]!.items.map((c) => c.id));
      cursor = next[0]!.next_cursor;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it("gives exactly `limit` cards and no cursor when the column holds exactly `limit`", async () => {
    const lead = (await boardOf(w.admin.token, "?stage=LEAD&limit=7"))[0]!;
    expect(lead.items).toHaveLength(7);
    expect(lead.next_cursor).toBeNull();
  });
});

describe("board order (drag and drop)", () => {
  let w: OppWorld;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await createWorld("Board order");
    for (const name of ["D", "C", "B", "A"]) ids[name] = (await createOpp(w, w.rep.token, { name })).id;
    for (const name of ["Q2", "Q1"]) ids[name] = (await createOpp(w, w.rep.token, { name, stage: "QUALIFIED" })).id;
  });

  it("puts a dropped card between its neighbours, at either end, and keeps the order", async () => {
    const token = w.rep.token;
    expect(await namesIn(token, "LEAD")).toEqual(["A", "B", "C", "D"]);
    expect((await move(ids.D!, { stage: "LEAD", before_id: ids.A, after_id: ids.B }, token)).status).toBe(200);
    expect(await namesIn(token, "LEAD")).toEqual(["A", "D", "B", "C"]);
    await move(ids.A!, { stage: "LEAD", before_id: ids.C }, token);
    expect(await namesIn(token, "LEAD")).toEqual(["D", "B", "C", "A"]);
    await move(ids.C!, { stage: "LEAD", after_id: ids.D }, token);
    expect(await namesIn(token, "LEAD")).toEqual(["C", "D", "B", "A"]);
    // Only one neighbour named, with cards beyond it: the card still lands right next to it.
    await move(ids.A!, { stage: "LEAD", before_id: ids.C }, token);
    expect(await namesIn(token, "LEAD")).toEqual(["C", "A", "D", "B"]);
    await move(ids.B!, { stage: "LEAD", after_id: ids.A }, token);
    expect(await namesIn(token, "LEAD")).toEqual(["C", "B", "A", "D"]);
  });

  it("moves a card to another column between the named cards, or to its top without any", async () => {
    const token = w.rep.token;
    const res = await move(ids.B!, { stage: "QUALIFIED", before_id: ids.Q1, after_id: ids.Q2 }, token);
    expect(res.body).toMatchObject({ stage: "QUALIFIED", probability: "25.00" });
    expect(await namesIn(token, "QUALIFIED")).toEqual(["Q1", "B", "Q2"]);
    await move(ids.C!, { stage: "QUALIFIED" }, token);
    expect(await namesIn(token, "QUALIFIED")).toEqual(["C", "Q1", "B", "Q2"]);
    expect(await namesIn(token, "LEAD")).toEqual(["A", "D"]);
  });

  it("refuses neighbours in the wrong order (422)", async () => {
    const res = await move(ids.Q1!, { stage: "QUALIFIED", before_id: ids.Q2, after_id: ids.C }, w.rep.token);
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(["before_id"]);
  });

  it("keeps one order for everyone: a rep's move between their own cards respects others' cards", async () => {
    const world = await createWorld("Board shared");
    const mine1 = await createOpp(world, world.rep.token, { name: "Mine 1" });
    await createOpp(world, world.otherRep.token, { name: "Theirs" });
    const mine2 = await createOpp(world, world.rep.token, { name: "Mine 2" });
    expect(await namesIn(world.admin.token, "LEAD")).toEqual(["Mine 2", "Theirs", "Mine 1"]);
    await move(mine2.id, { stage: "LEAD", before_id: mine1.id }, world.rep.token);
    expect(await namesIn(world.rep.token, "LEAD")).toEqual(["Mine 1", "Mine 2"]);
    expect(await namesIn(world.admin.token, "LEAD")).toEqual(["Theirs", "Mine 1", "Mine 2"]);
  });

  it("renumbers a column when repeated drops into one slot exhaust the gap, keeping the order", async () => {
    const world = await createWorld("Board renumber");
    const top = await createOpp(world, world.rep.token, { name: "Bottom" });
    const x = await createOpp(world, world.rep.token, { name: "X" });
    const y = await createOpp(world, world.rep.token, { name: "Y" });
    const anchor = await createOpp(world, world.rep.token, { name: "Top" });
    // Order: Top, Y, X, Bottom. Drop X and Y alternately right under Top: the gap under Top halves each time.
    let moving = x;
    let below = y;
    for (let i = 0; i < 60; i++) {
      const res = await move(moving.id, { stage: "LEAD", before_id: anchor.id, after_id: below.id }, world.rep.token);
      expect(res.status).toBe(200);
      [moving, below] = [below, moving];
    }
    expect(await namesIn(world.rep.token, "LEAD")).toEqual(["Top", "Y", "X", "Bottom"]);
    const positions = await db().opportunity.findMany({ where: { tenantId: world.tenantId }, select: { boardPosition: true } });
    expect(new Set(positions.map((p) => p.boardPosition)).size).toBe(4);
    expect(top.id).toBeDefined();
  });
});

describe("board cards", () => {
  let w: OppWorld;
  beforeAll(async () => {
    w = await createWorld("Board cards");
    await setExchangeRates(w.admin, [{ currency: "EUR", rate: "1.0855", effective_from: dateIn(-1) }]);
  });

  it("gives each card exactly the projection of its deal (the SQL card and toBoardCard agree), in under 300 bytes a card on average", async () => {
    await createOpp(w, w.rep.token, { name: "Lead", estimated_value: "100.00" });
    await createOpp(w, w.otherRep.token, {
      name: "Euro deal",
      estimated_value: "999.99",
      currency: "EUR",
      stage: "PROPOSAL",
      client_id: w.otherClientId,
    });
    await createOpp(w, w.rep.token, { name: "A deal with a long name that a card still shows in full", probability: "12.34" });
    const quoted = await createOpp(w, w.rep.token, { name: 'Say "hi" \\ to Zoë\tand 日本 ✓', estimated_value: "1.00" });
    const step = {
      opportunity_id: quoted.id,
      type: "MEETING",
      subject: 'Demo "v2" \\ plan\nthen </script>',
      due_at: `${dateIn(2)}T09:30:00.000Z`,
    };
    expect((await post("/activities", step, { token: w.rep.token })).status).toBe(201);
    const overdue = await createOpp(w, w.rep.token, { name: "Late", estimated_value: "5.00" });
    await backdate(overdue.id, 3);
    const won = await createOpp(w, w.rep.token, { name: "Won one", estimated_value: "7.00", stage: "NEGOTIATION" });
    expect((await move(won.id, { stage: "CLOSED_WON" }, w.rep.token)).status).toBe(200);
    const res = await boardResponse(w.admin.token);
    const today = todayIso();
    const cards: Card[] = res.body.stages.flatMap((column: Column) => column.items);
    expect(cards.length).toBeGreaterThanOrEqual(5);
    for (const card of cards) {
      const deal = (await get(`/opportunities/${card.id}`, { token: w.admin.token })).body;
      expect(card).toEqual(toBoardCard(deal, today));
    }
    const bytes = cards.reduce((sum, card) => sum + JSON.stringify(card).length, 0);
    expect(bytes / cards.length).toBeLessThanOrEqual(300);
    expect(cards.find((card) => card.id === overdue.id)).toMatchObject({ overdue: true, close_date: dateIn(-3) });
    expect(cards.find((card) => card.id === won.id)).toMatchObject({ close_date: today, probability: "100.00" });
    expect(cards.find((card) => card.id === won.id)).not.toHaveProperty("overdue");
    expect(cards.find((card) => card.id === quoted.id)).toMatchObject({
      name: quoted.name,
      nx: { t: "MEETING", s: step.subject, d: step.due_at },
    });
    const euro = cards.find((card) => card.name === "Euro deal");
    expect(euro).toMatchObject({ value: "999.99", currency: "EUR", base_value: "1085.49" });
    expect(cards.find((card) => card.name === "Lead")).not.toHaveProperty("currency");
    expect(cards.find((card) => card.name === "Lead")).not.toHaveProperty("base_value");
  });
});
