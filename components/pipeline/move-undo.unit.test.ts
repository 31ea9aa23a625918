import { describe, expect, it } from "vitest";
import type { BoardCardOut, OpportunityOut } from "@/lib/opportunities/browser";
import { moveMessage, undoMove } from "./move-undo";
import type { PlannedMove } from "./use-move-card";

const card: BoardCardOut = {
  id: "d1",
  name: "Deal",
  client_name: "Acme",
  owner_id: "u1",
  value: "100.00",
  probability: "50.00",
  close_date: "2030-01-01",
  version: 3,
};

const saved = (stage: OpportunityOut["stage"], probability: string): OpportunityOut =>
  ({
    id: "d1",
    name: "Deal",
    client: { id: "c1", name: "Acme" },
    assigned_to: "u1",
    assigned_user: { id: "u1", name: "Riley", email: "r@x" },
    estimated_value: "100.00",
    currency: "USD",
    base_value: "100.00",
    probability,
    probability_is_custom: false,
    expected_close_date: "2030-01-01",
    actual_close_date: null,
    stage,
    version: 4,
  }) as OpportunityOut;

const move: PlannedMove = { card, from: "PROPOSAL", stage: "NEGOTIATION", returnTo: { beforeId: "a", afterId: "c" } };

describe("a move's toast and its Undo", () => {
  it("names the new stage, and the probability only when the move changed it", () => {
    expect(moveMessage(move, saved("NEGOTIATION", "75.00"))).toBe("“Deal” moved to Negotiation · probability 75%");
    expect(moveMessage(move, saved("NEGOTIATION", "50.00"))).toBe("“Deal” moved to Negotiation");
    expect(moveMessage({ ...move, stage: "CLOSED_WON" }, saved("CLOSED_WON", "100.00"))).toBe("“Deal” is won");
  });

  it("undoes an open move back to its neighbours, and a close through reopen", () => {
    expect(undoMove(move, saved("NEGOTIATION", "75.00"), "2026-01-01")).toMatchObject({
      from: "NEGOTIATION",
      stage: "PROPOSAL",
      beforeId: "a",
      afterId: "c",
      reopenReason: undefined,
      isUndo: true,
      card: { version: 4 },
    });
    const won = undoMove({ ...move, stage: "CLOSED_WON" }, saved("CLOSED_WON", "100.00"), "2026-01-01");
    expect(won).toMatchObject({ from: "CLOSED_WON", stage: "PROPOSAL", reopenReason: expect.any(String) });
  });

  it("offers no Undo of an undo or of a reopen", () => {
    expect(undoMove({ ...move, isUndo: true }, saved("NEGOTIATION", "75.00"), "2026-01-01")).toBeNull();
    expect(undoMove({ ...move, from: "CLOSED_LOST", reopenReason: "Back" }, saved("NEGOTIATION", "75.00"), "2026-01-01")).toBeNull();
  });
});
