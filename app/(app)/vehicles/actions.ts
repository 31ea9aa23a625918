"use server";

import { redirect } from "next/navigation";
import { requirePageScope } from "@/lib/auth/page-scope";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { createVehicleBody } from "@/lib/vehicles/schemas";
import { createVehicle } from "@/lib/vehicles/service";
import { formFailure, formValues, type FormState } from "@/lib/http/form-state";

export async function createVehicleAction(prev: FormState, form: FormData): Promise<FormState> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(createVehicleBody, values);
  if (!parsed.success) return formFailure(prev, parsed.errors, values);
  try {
    await createVehicle(scope, parsed.data);
  } catch (error) {
    if (error instanceof ValidationError) return formFailure(prev, error.errors, values);
    throw error;
  }
  redirect("/vehicles");
}
