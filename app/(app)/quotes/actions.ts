"use server";

import { redirect } from "next/navigation";
import { requirePageScope } from "@/lib/auth";
import { actionFailure, type ActionResult, answering, formValues, parseInput } from "@/lib/http";
import { createQuote, createQuoteBody } from "@/lib/quotes";

export async function createQuoteAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(createQuoteBody, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  const result = await answering(async () => void (await createQuote(scope, parsed.data)), prev, values);
  if (!result.ok) return result;
  redirect("/quotes");
}
