import { describe, expect, it } from "vitest";
import { forecastPeriods } from "./periods";

describe("forecastPeriods", () => {
  it("counts months across a year end, with each month's last day (leap February included)", () => {
    expect(forecastPeriods("month", "2027-12", 3)).toEqual([
      { key: "2027-12", from: "2027-12-01", to: "2027-12-31", months: ["2027-12"] },
      { key: "2028-01", from: "2028-01-01", to: "2028-01-31", months: ["2028-01"] },
      { key: "2028-02", from: "2028-02-01", to: "2028-02-29", months: ["2028-02"] },
    ]);
  });

  it("starts quarters at the calendar quarter holding `from`", () => {
    expect(forecastPeriods("quarter", "2026-11", 2)).toEqual([
      { key: "2026-Q4", from: "2026-10-01", to: "2026-12-31", months: ["2026-10", "2026-11", "2026-12"] },
      { key: "2027-Q1", from: "2027-01-01", to: "2027-03-31", months: ["2027-01", "2027-02", "2027-03"] },
    ]);
  });
});
