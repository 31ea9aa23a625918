import { describe, expect, it } from "vitest";
import { groupByDay } from "./day-groups";

const at = (iso: string) => ({ created_at: iso });
const now = new Date("2026-03-10T15:00:00Z");

describe("groupByDay", () => {
  it("groups by the reader's day, newest first, with Today and Yesterday in their words", () => {
    const items = [
      at("2026-03-10T09:00:00Z"),
      at("2026-03-10T01:00:00Z"),
      at("2026-03-09T12:00:00Z"),
      at("2026-03-02T08:00:00Z"),
      at("2025-12-31T10:00:00Z"),
    ];
    expect(groupByDay(items, now, "UTC", "en-US").map((g) => [g.label, g.items.length])).toEqual([
      ["Today", 2],
      ["Yesterday", 1],
      ["Monday, March 2", 1],
      ["Wednesday, December 31, 2025", 1],
    ]);
  });

  it("puts an instant on the day it is where the reader is", () => {
    // 01:00 UTC on the 10th is still the 9th in New York.
    const groups = groupByDay([at("2026-03-10T09:00:00Z"), at("2026-03-10T01:00:00Z")], now, "America/New_York", "en-US");
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ["Today", 1],
      ["Yesterday", 1],
    ]);
  });

  it("speaks the reader's language", () => {
    const groups = groupByDay(
      [at("2026-03-10T09:00:00Z"), at("2026-03-09T09:00:00Z"), at("2026-03-02T09:00:00Z")],
      now,
      "Europe/Berlin",
      "de-DE",
    );
    expect(groups.map((g) => g.label)).toEqual(["Heute", "Gestern", "Montag, 2. März"]);
  });
});
