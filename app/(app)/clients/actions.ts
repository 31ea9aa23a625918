"use server";

import { redirect } from "next/navigation";
import { requirePageScope } from "@/lib/auth/page-scope";
import { createClientBody } from "@/lib/clients/schemas";
import { createClient } from "@/lib/clients/service";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { formFailure, formValues, type FormState } from "@/lib/http/form-state";

export async function createClientAction(prev: FormState, form: FormData): Promise<FormState> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(createClientBody, values);
  if (!parsed.success) return formFailure(prev, parsed.errors, values);
  try {
    await createClient(scope, parsed.data);
  } catch (error) {
    if (error instanceof ValidationError) return formFailure(prev, error.errors, values);
    throw error;
  }
  redirect("/clients");
}
