import type { FieldError } from "@/lib/errors";

/**
 * PostgreSQL text cannot hold U+0000, so a value carrying one would fail in the database (a 500). Input is checked
 * up front instead: one field error per string that contains it, wherever it is nested.
 */
export function nulCharacterErrors(input: unknown, path: string[] = []): FieldError[] {
  if (typeof input === "string")
    return input.includes("\u0000") ? [{ field: path.join(".") || "body", message: "must not contain the NUL character" }] : [];
  if (typeof input !== "object" || input === null) return [];
  return Object.entries(input).flatMap(([key, value]) => nulCharacterErrors(value, [...path, key]));
}
