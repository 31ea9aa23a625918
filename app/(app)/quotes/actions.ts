"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePageScope } from "@/lib/auth";
import { actionFailure, type ActionResult, answering, formValues, parseInput } from "@/lib/http";
import { createQuote, createQuoteBody, deleteQuote, updateQuote, updateQuoteBody } from "@/lib/quotes";

const notFound = () => actionFailure(undefined, { message: "Quote not found." });

export async function createQuoteAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(createQuoteBody, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  let id = "";
  const result = await answering(async () => void (id = (await createQuote(scope, parsed.data)).id), prev, values);
  if (!result.ok) return result;
  revalidatePath("/quotes");
  redirect(`/quotes/${id}`);
}

/** A rep reaches only their own quotes and may only name themselves as the sales rep (the module enforces both). */
export async function updateQuoteAction(id: string, prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  if (!z.uuid().safeParse(id).success) return notFound();
  const values = formValues(form);
  const parsed = parseInput(updateQuoteBody, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  const result = await answering(async () => void (await updateQuote(scope, id, parsed.data)), prev, values);
  if (!result.ok) return result;
  revalidatePath("/quotes");
  redirect(`/quotes/${id}`);
}

export async function deleteQuoteAction(id: string): Promise<ActionResult> {
  const scope = await requirePageScope();
  if (!z.uuid().safeParse(id).success) return notFound();
  const result = await answering(() => deleteQuote(scope, id));
  if (!result.ok) return result;
  revalidatePath("/quotes");
  redirect("/quotes");
}
