import type { z } from "zod";
import type { FieldError } from "@/lib/errors";
import { nulCharacterErrors } from "./nul-characters";
import { fieldErrorsOf } from "./zod-errors";

export type ParsedInput<T> = { success: true; data: T } | { success: false; errors: FieldError[] };

/** Input from outside (API request or form) checked against its schema, and for text PostgreSQL cannot store. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ParsedInput<z.output<S>> {
  const result = schema.safeParse(input);
  if (!result.success) return { success: false, errors: fieldErrorsOf(result.error) };
  const nul = nulCharacterErrors(result.data);
  return nul.length > 0 ? { success: false, errors: nul } : { success: true, data: result.data };
}
