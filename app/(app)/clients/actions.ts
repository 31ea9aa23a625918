"use server";

import { redirect } from "next/navigation";
import { requirePageScope } from "@/lib/auth/page-scope";
import { createClientBody } from "@/lib/clients/schemas";
import { createClient } from "@/lib/clients/service";
import { ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/http/zod-errors";
import { formFailure, formValues, type FormState } from "@/lib/http/form-state";

export async function createClientAction(prev: FormState, form: FormData): Promise<FormState> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = createClientBody.safeParse(values);
  if (!parsed.success) return formFailure(prev, fieldErrorsOf(parsed.error), values);
  try {
    await createClient(scope, parsed.data);
  } catch (error) {
    if (error instanceof ValidationError) return formFailure(prev, error.errors, values);
    throw error;
  }
  redirect("/clients");
}
