import { describe, expect, it } from "vitest";
import { resolvePeriod, toCsv } from "./period";

const now = new Date("2026-08-14T23:30:00Z");

describe("resolvePeriod", () => {
  it("this month, quarter and year, to their last day", () => {
    expect(resolvePeriod({}, now)).toEqual({ period: "month", from: "2026-08-01", to: "2026-08-31" });
    expect(resolvePeriod({ period: "quarter" }, now)).toEqual({ period: "quarter", from: "2026-07-01", to: "2026-09-30" });
    expect(resolvePeriod({ period: "year" }, now)).toEqual({ period: "year", from: "2026-01-01", to: "2026-12-31" });
    expect(resolvePeriod({ period: "month" }, new Date("2028-02-10T00:00:00Z"))).toMatchObject({ to: "2028-02-29" });
  });

  it("a custom window, or this month when it is not one", () => {
    expect(resolvePeriod({ period: "custom", from: "2026-01-05", to: "2026-02-01" }, now)).toEqual({
      period: "custom",
      from: "2026-01-05",
      to: "2026-02-01",
    });
    for (const bad of [
      { from: "2026-02-02", to: "2026-02-01" },
      { from: "2026-02-30", to: "2026-03-01" },
      { from: "x", to: "2026-03-01" },
      {},
    ])
      expect(resolvePeriod({ period: "custom", ...bad }, now).period).toBe("month");
  });
});

describe("toCsv", () => {
  it("quotes what needs it and defuses formulas, numbers left alone", () => {
    expect(
      toCsv([
        ["Rep", "Won"],
        ['Ann "A", B', "-12.50"],
        ["=SUM(A1)", null],
      ]),
    ).toBe('Rep,Won\r\n"Ann ""A"", B",-12.50\r\n\'=SUM(A1),\r\n');
  });
});
