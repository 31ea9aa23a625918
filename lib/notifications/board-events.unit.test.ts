import { describe, expect, it } from "vitest";
import { decodeBoardChange, encodeBoardChange } from "./board-events";

describe("board change payloads", () => {
  it("round-trip with owners and stages deduplicated", () => {
    const change = { tenantId: "t", opportunityId: "o", ownerIds: ["u", "u"], stages: ["LEAD", "QUALIFIED"], actorId: "a" };
    expect(decodeBoardChange(encodeBoardChange(change))).toEqual({ ...change, ownerIds: ["u"] });
  });

  it("reject what is not a board change", () => {
    expect(decodeBoardChange("not json")).toBeNull();
    expect(decodeBoardChange(JSON.stringify({ t: "t", o: "o", u: "u", s: [], a: "a" }))).toBeNull();
    expect(decodeBoardChange(JSON.stringify({ t: "t", o: 1, u: [], s: [], a: "a" }))).toBeNull();
  });
});
