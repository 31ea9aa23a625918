import { describe, expect, it } from "vitest";
import { mappedRow, matchHeaders } from "./fields";

describe("matchHeaders", () => {
  it("matches headers case-insensitively, by name or alias, each header once", () => {
    const headers = ["Deal Name", "CLIENT", "Amount", "Expected-Close-Date", "Owner"];
    expect(matchHeaders("opportunities", headers)).toEqual({
      name: "Deal Name",
      client: "CLIENT",
      owner_email: "Owner",
      stage: null,
      estimated_value: "Amount",
      currency: null,
      probability: null,
      expected_close_date: "Expected-Close-Date",
      description: null,
    });
  });

  it("lets a requested mapping win and keeps its header from the automatic match", () => {
    const mapping = matchHeaders("clients", ["name", "Company", "Organization"], { name: "Company", company: null });
    expect(mapping).toEqual({ name: "Company", email: null, phone: null, company: null });
  });
});

describe("mappedRow", () => {
  it("reads each field's cell and undoes the export's formula escape", () => {
    const row = mappedRow(["A", "B"], { name: "B", client: "A", stage: null }, ["Acme", "'=SUM(1)"]);
    expect(row).toEqual({ name: "=SUM(1)", client: "Acme", stage: "" });
  });
});
