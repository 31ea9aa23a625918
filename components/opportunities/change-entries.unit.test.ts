import { describe, expect, it } from "vitest";
import { changeEntries } from "./change-entries";

const by = { id: "u1", name: "Maria Lopez" };
const change = (id: string, field: string, old_value: string | null, new_value: string | null) => ({
  id,
  field: field as never,
  old_value,
  new_value,
  changed_by: by,
  changed_at: `2026-11-0${id}T09:00:00.000Z`,
});

describe("a deal's change log on its timeline", () => {
  it("says what changed, in the currency of the moment, owners by name, stage and base value left to other entries", () => {
    const entries = changeEntries(
      [
        change("1", "value", null, "1000.00"),
        change("2", "stage", "LEAD", "QUALIFIED"),
        change("3", "value", "1000.00", "1250.50"),
        change("4", "currency", "USD", "EUR"),
        change("5", "base_value", "1250.50", "1300.00"),
        change("6", "value", "1250.50", "1200.00"),
        change("7", "probability", "25.00", "33.50"),
        change("8", "expected_close_date", "2026-12-15", "2027-01-31"),
        change("9", "owner", "u1", "u2"),
      ],
      "EUR",
      new Map([
        ["u1", "Maria Lopez"],
        ["u2", "Sam Rep"],
      ]),
    );
    expect(entries.map((e) => e.title)).toEqual([
      "Value set to $1,000.00",
      "Value changed from $1,000.00 to $1,250.50",
      "Currency changed from USD to EUR",
      "Value changed from €1,250.50 to €1,200.00",
      "Probability changed from 25% to 33.5%",
      "Expected close changed from Dec 15, 2026 to Jan 31, 2027",
      "Owner changed from Maria Lopez to Sam Rep",
    ]);
    expect(entries[0]).toMatchObject({ id: "1", by: "Maria Lopez", changed_at: "2026-11-01T09:00:00.000Z" });
  });

  it("names forecast categories and a removed owner; no author is the system", () => {
    const [forecast, owner] = changeEntries(
      [{ ...change("1", "forecast_category", null, "COMMIT"), changed_by: null }, change("2", "owner", "gone", "u1")],
      "USD",
      new Map([["u1", "Maria Lopez"]]),
    );
    expect(forecast).toMatchObject({ title: "Forecast changed from its stage's default to Commit", by: "System" });
    expect(owner!.title).toBe("Owner changed from a former user to Maria Lopez");
  });
});
