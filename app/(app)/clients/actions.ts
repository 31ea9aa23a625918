"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePageScope } from "@/lib/auth";
import { actionFailure, type ActionResult, answering, formValues, parseInput } from "@/lib/http";
import { createClient, createClientBody, deleteClient, updateClient, updateClientBody } from "@/lib/clients";

const notFound = () => actionFailure(undefined, { message: "Client not found." });

export async function createClientAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(createClientBody, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  let id = "";
  const result = await answering(async () => void (id = (await createClient(scope, parsed.data)).id), prev, values);
  if (!result.ok) return result;
  revalidatePath("/clients");
  redirect(`/clients/${id}`);
}

export async function updateClientAction(id: string, prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  if (!z.uuid().safeParse(id).success) return notFound();
  const values = formValues(form);
  const parsed = parseInput(updateClientBody, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  const result = await answering(async () => void (await updateClient(scope, id, parsed.data)), prev, values);
  if (!result.ok) return result;
  revalidatePath("/clients");
  redirect(`/clients/${id}`);
}

/** Supervisors and admins only (the module enforces it). */
export async function deleteClientAction(id: string): Promise<ActionResult> {
  const scope = await requirePageScope();
  if (!z.uuid().safeParse(id).success) return notFound();
  const result = await answering(() => deleteClient(scope, id));
  if (!result.ok) return result;
  revalidatePath("/clients");
  redirect("/clients");
}
