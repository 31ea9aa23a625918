"use server";

import { redirect } from "next/navigation";
import { requirePageScope } from "@/lib/auth/page-scope";
import { ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/http/zod-errors";
import { createVehicleBody } from "@/lib/vehicles/schemas";
import { createVehicle } from "@/lib/vehicles/service";
import { formFailure, formValues, type FormState } from "@/lib/http/form-state";

export async function createVehicleAction(prev: FormState, form: FormData): Promise<FormState> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = createVehicleBody.safeParse(values);
  if (!parsed.success) return formFailure(prev, fieldErrorsOf(parsed.error), values);
  try {
    await createVehicle(scope, parsed.data);
  } catch (error) {
    if (error instanceof ValidationError) return formFailure(prev, error.errors, values);
    throw error;
  }
  redirect("/vehicles");
}
