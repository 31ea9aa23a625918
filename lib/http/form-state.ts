import type { FieldError } from "@/lib/errors";

/** What a create form's server action answers: field errors plus the typed values, so nothing is lost. */
export type FormState = { attempt: number; errors?: Record<string, string>; values?: Record<string, string> };

export const initialFormState: FormState = { attempt: 0 };

export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}

export function formFailure(prev: FormState, errors: FieldError[], values: Record<string, string>): FormState {
  const byField: Record<string, string> = {};
  for (const e of errors) byField[e.field] ??= e.message;
  return { attempt: prev.attempt + 1, errors: byField, values };
}
