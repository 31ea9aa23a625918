import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "./parse-input";

const schema = z.strictObject({ name: z.string().trim().min(1, "is required"), tags: z.array(z.object({ label: z.string() })).optional() });

describe("parseInput (API bodies and form actions)", () => {
  it("returns the parsed data", () => {
    expect(parseInput(schema, { name: " Acme " })).toEqual({ success: true, data: { name: "Acme" } });
  });

  it("answers schema failures as field errors", () => {
    expect(parseInput(schema, { name: "", extra: 1 })).toEqual({
      success: false,
      errors: expect.arrayContaining([{ field: "name", message: "is required" }, expect.objectContaining({ field: "body" })]),
    });
  });

  it("refuses text PostgreSQL cannot store, naming the nested field", () => {
    expect(parseInput(schema, { name: "Ac\u0000me", tags: [{ label: "ok" }, { label: "b\u0000d" }] })).toEqual({
      success: false,
      errors: [
        { field: "name", message: "must not contain the NUL character" },
        { field: "tags.1.label", message: "must not contain the NUL character" },
      ],
    });
  });
});
