import { describe, expect, it } from "vitest";
import type { BoardCardOut, OpportunityOut } from "@/lib/opportunities/browser";
import type { BoardData } from "./board-api";
import { appendPage, findCard, moveCard, removeCard, replaceCard, replaceColumn } from "./board-cache";

const card = (id: string, base_value: string, probability: string, extra: Partial<BoardCardOut> = {}): BoardCardOut => ({
  id,
  name: `Deal ${id}`,
  client_name: "Acme",
  owner_id: "u1",
  value: base_value,
  probability,
  close_date: "2026-12-01",
  overdue: true,
  version: 1,
  ...extra,
});

const empty = { count: 0, total_value: "0.00", weighted_value: "0.00", items: [], next_cursor: null };
const board = (): BoardData => ({
  base_currency: "USD",
  owners: [{ id: "u1", name: "Riley Rep", initials: "RR" }],
  stages: [
    {
      stage: "LEAD",
      count: 2,
      total_value: "100.10",
      weighted_value: "10.03",
      items: [card("a", "100.00", "10.00"), card("b", "0.10", "33.33")],
      next_cursor: null,
    },
    { stage: "QUALIFIED", ...empty },
    { stage: "PROPOSAL", ...empty },
    { stage: "NEGOTIATION", ...empty },
    { stage: "CLOSED_WON", ...empty },
    { stage: "CLOSED_LOST", ...empty },
  ],
});

describe("the board's cache", () => {
  it("moves a card between columns with exact base-currency totals and the new stage's probability", () => {
    const moved = moveCard(board(), { cardId: "a", stage: "PROPOSAL", today: "2026-12-07" });
    expect(moved.stages[0]).toMatchObject({ count: 1, total_value: "0.10", weighted_value: "0.03" });
    expect(moved.stages[2]).toMatchObject({ count: 1, total_value: "100.00", weighted_value: "50.00" });
    expect(findCard(moved, "a")).toMatchObject({ stage: "PROPOSAL", card: { probability: "50.00", overdue: true } });
  });

  it("counts a card in another currency by its base-currency value", () => {
    const euro = card("e", "1000.00", "50.00", { currency: "EUR", base_value: "1085.50" });
    const start = board();
    start.stages[0] = {
      ...start.stages[0]!,
      count: 3,
      total_value: "1185.60",
      weighted_value: "552.78",
      items: [...start.stages[0]!.items, euro],
    };
    const moved = moveCard(start, { cardId: "e", stage: "QUALIFIED", today: "2026-12-07" });
    expect(moved.stages[0]).toMatchObject({ count: 2, total_value: "100.10", weighted_value: "10.03" });
    expect(moved.stages[1]).toMatchObject({ count: 1, total_value: "1085.50", weighted_value: "542.75" });
  });

  it("keeps a hand-set probability when the card moves to another open stage", () => {
    const moved = moveCard(board(), { cardId: "b", stage: "PROPOSAL", today: "2026-12-07" });
    expect(moved.stages[2]).toMatchObject({ count: 1, total_value: "0.10", weighted_value: "0.03" });
    expect(findCard(moved, "b")).toMatchObject({ stage: "PROPOSAL", card: { probability: "33.33" } });
  });

  it("closing sets today as the close day and the card is no longer overdue", () => {
    const won = moveCard(board(), { cardId: "a", stage: "CLOSED_WON", today: "2026-12-07" });
    expect(findCard(won, "a")?.card).toMatchObject({ probability: "100.00", close_date: "2026-12-07" });
    expect(findCard(won, "a")?.card).not.toHaveProperty("overdue");
    expect(won.stages[4]).toMatchObject({ count: 1, total_value: "100.00", weighted_value: "100.00" });
  });

  it("takes the server's deal as its card and learns a new owner", () => {
    const deal = {
      id: "a",
      name: "Renamed",
      client: { id: "c", name: "Acme" },
      assigned_to: "u2",
      assigned_user: { id: "u2", name: "Sam Other", email: "s@x.test" },
      estimated_value: "100.00",
      currency: "USD",
      base_currency: "USD",
      base_value: "100.00",
      probability: "10.00",
      expected_close_date: "2027-01-01",
      actual_close_date: null,
      stage: "LEAD",
      version: 2,
    } as unknown as OpportunityOut;
    const replaced = replaceCard(board(), deal, "2026-12-07");
    expect(findCard(replaced, "a")?.card).toMatchObject({
      name: "Renamed",
      owner_id: "u2",
      version: 2,
      close_date: "2027-01-01",
    });
    expect(findCard(replaced, "a")?.card).not.toHaveProperty("overdue");
    expect(findCard(replaced, "a")?.card).not.toHaveProperty("currency");
    expect(findCard(replaced, "a")?.card).not.toHaveProperty("base_value");
    expect(replaced.owners).toContainEqual({ id: "u2", name: "Sam Other", initials: "SO" });
  });

  it("appends a page without repeating cards already shown", () => {
    const page = { ...board().stages[0]!, items: [card("b", "0.10", "33.33"), card("c", "5.00", "10.00")], next_cursor: null };
    const next = appendPage(board(), { column: page, owners: [{ id: "u3", name: "Kim", initials: "K" }] });
    expect(next.stages[0]!.items.map((item) => item.id)).toEqual(["a", "b", "c"]);
    expect(next.owners.map((owner) => owner.id)).toEqual(["u1", "u3"]);
  });
});

describe("live and menu updates", () => {
  it("removes a deleted card with its value from the totals", () => {
    const next = removeCard(board(), "a");
    expect(next.stages[0]).toMatchObject({ count: 1, total_value: "0.10", weighted_value: "0.03" });
    expect(next.stages[0]!.items.map((item) => item.id)).toEqual(["b"]);
    expect(removeCard(board(), "missing")).toEqual(board());
  });

  it("replaces a re-read column and learns its owners", () => {
    const fresh = {
      stage: "QUALIFIED" as const,
      count: 1,
      total_value: "5.00",
      weighted_value: "1.25",
      items: [card("c", "5.00", "25.00", { owner_id: "u2" })],
      next_cursor: null,
    };
    const next = replaceColumn(board(), { column: fresh, owners: [{ id: "u2", name: "Sam Smith", initials: "SS" }] });
    expect(next.stages[1]).toEqual(fresh);
    expect(next.stages[0]).toEqual(board().stages[0]);
    expect(next.owners.map((owner) => owner.id)).toEqual(["u1", "u2"]);
  });
});
