import { describe, expect, it } from "vitest";
import type { Layout } from "./board-layout";
import { keyboardStep, planAt } from "./keyboard-moves";

const layout: Layout = { LEAD: ["a", "b", "c"], QUALIFIED: ["x"], PROPOSAL: [], NEGOTIATION: ["n"], CLOSED_WON: [], CLOSED_LOST: [] };
const anywhere = () => true;

describe("keyboard moves", () => {
  it("moves down and up within the column, and stops at its ends", () => {
    const start = planAt(layout, "a")!;
    const down = keyboardStep(start, "a", "ArrowDown", anywhere)!;
    expect(down.slot).toEqual({ stage: "LEAD", index: 1 });
    expect(down.layout.LEAD).toEqual(["b", "a", "c"]);
    expect(keyboardStep(start, "a", "ArrowUp", anywhere)).toBeNull();
    const bottom = keyboardStep(keyboardStep(down, "a", "ArrowDown", anywhere)!, "a", "ArrowDown", anywhere);
    expect(bottom).toBeNull();
  });

  it("moves right to the next column at the same row or its end, and back left", () => {
    const start = planAt(layout, "c")!;
    const right = keyboardStep(start, "c", "ArrowRight", anywhere)!;
    expect(right.slot).toEqual({ stage: "QUALIFIED", index: 1 });
    expect(right.layout.QUALIFIED).toEqual(["x", "c"]);
    expect(right.layout.LEAD).toEqual(["a", "b"]);
    const left = keyboardStep(right, "c", "ArrowLeft", anywhere)!;
    expect(left.slot).toEqual({ stage: "LEAD", index: 1 });
    expect(keyboardStep(planAt(layout, "a")!, "a", "ArrowLeft", anywhere)).toBeNull();
  });

  it("skips the columns the card may not enter", () => {
    const start = planAt(layout, "x")!;
    const next = keyboardStep(start, "x", "ArrowRight", (stage) => stage !== "PROPOSAL")!;
    expect(next.slot).toEqual({ stage: "NEGOTIATION", index: 0 });
    expect(keyboardStep(start, "x", "ArrowRight", (stage) => stage === "QUALIFIED")).toBeNull();
  });
});
