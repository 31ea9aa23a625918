"use server";

import { redirect } from "next/navigation";
import { requirePageScope } from "@/lib/auth/page-scope";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { createQuoteBody } from "@/lib/quotes/schemas";
import { createQuote } from "@/lib/quotes/service";
import { formFailure, formValues, type FormState } from "@/lib/http/form-state";

export async function createQuoteAction(prev: FormState, form: FormData): Promise<FormState> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(createQuoteBody, values);
  if (!parsed.success) return formFailure(prev, parsed.errors, values);
  try {
    await createQuote(scope, parsed.data);
  } catch (error) {
    if (error instanceof ValidationError) return formFailure(prev, error.errors, values);
    if (error instanceof ConflictError)
      return formFailure(prev, [{ field: "quote_number", message: "is already used by another quote" }], values);
    if (error instanceof ForbiddenError) return formFailure(prev, [{ field: "sales_rep_id", message: error.message }], values);
    throw error;
  }
  redirect("/quotes");
}
