"use server";

import { redirect } from "next/navigation";
import { requirePageScope } from "@/lib/auth";
import { actionFailure, type ActionResult, answering, formValues, parseInput } from "@/lib/http";
import { createClient, createClientBody } from "@/lib/clients";

export async function createClientAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(createClientBody, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  const result = await answering(async () => void (await createClient(scope, parsed.data)), prev, values);
  if (!result.ok) return result;
  redirect("/clients");
}
