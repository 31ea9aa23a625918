"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePageScope } from "@/lib/auth";
import { actionFailure, type ActionResult, answering, formValues, parseInput } from "@/lib/http";
import { createVehicle, createVehicleBody, deleteVehicle, updateVehicle, updateVehicleBody } from "@/lib/vehicles";

const notFound = () => actionFailure(undefined, { message: "Vehicle not found." });

export async function createVehicleAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(createVehicleBody, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  let id = "";
  const result = await answering(async () => void (id = (await createVehicle(scope, parsed.data)).id), prev, values);
  if (!result.ok) return result;
  revalidatePath("/vehicles");
  redirect(`/vehicles/${id}`);
}

export async function updateVehicleAction(id: string, prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  if (!z.uuid().safeParse(id).success) return notFound();
  const values = formValues(form);
  const parsed = parseInput(updateVehicleBody, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  const result = await answering(async () => void (await updateVehicle(scope, id, parsed.data)), prev, values);
  if (!result.ok) return result;
  revalidatePath("/vehicles");
  redirect(`/vehicles/${id}`);
}

/** Supervisors and admins only (the module enforces it). */
export async function deleteVehicleAction(id: string): Promise<ActionResult> {
  const scope = await requirePageScope();
  if (!z.uuid().safeParse(id).success) return notFound();
  const result = await answering(() => deleteVehicle(scope, id));
  if (!result.ok) return result;
  revalidatePath("/vehicles");
  redirect("/vehicles");
}
