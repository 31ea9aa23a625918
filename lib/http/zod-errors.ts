import type { z } from "zod";
import type { FieldError } from "@/lib/errors";

/** Zod issues as the contract's `{field, message}` list; the field is the dotted path ("" for the whole body). */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "body",
    message: issue.message,
  }));
}
