"use server";

import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePageScope } from "@/lib/auth";
import { actionFailure, type ActionResult, answering, parseInput } from "@/lib/http";
import type { FieldError } from "@/lib/errors";
import {
  changeStageBody,
  createOpportunity,
  createOpportunityBody,
  deleteOpportunity,
  opportunityIdParams,
  requestBody,
  requiredMessage,
  updateOpportunity,
  updateOpportunityBody,
  updateStage,
  type OpportunityFormValues,
} from "@/lib/opportunities";

/** The server actions of the opportunity pages: each parses with the API's schema and calls the module, as the API does. */

function revalidateViews(id?: string) {
  revalidatePath("/pipeline");
  revalidatePath("/opportunities");
  revalidatePath("/dashboard");
  if (id) revalidatePath(`/opportunities/${id}`);
}

function invalid(errors: FieldError[], values: Partial<OpportunityFormValues>): ActionResult {
  return actionFailure(undefined, {
    errors: errors.map((e) => ({ field: e.field, message: requiredMessage(e.field, e.message, values) })),
  });
}

const notFound = () => actionFailure(undefined, { message: "Opportunity not found." });

export async function createOpportunityAction(values: Partial<OpportunityFormValues>): Promise<ActionResult> {
  const scope = await requirePageScope();
  const parsed = parseInput(createOpportunityBody, requestBody(values, "create"));
  if (!parsed.success) return invalid(parsed.errors, values);
  let id = "";
  const result = await answering(async () => {
    id = (await createOpportunity(scope, parsed.data)).id;
  });
  if (!result.ok) return result;
  revalidateViews();
  redirect(`/opportunities/${id}`);
}

/** A partial update: `changes` holds only the fields the user edited; `version` is what the form was loaded with. */
export async function updateOpportunityAction(id: string, version: number, changes: Partial<OpportunityFormValues>): Promise<ActionResult> {
  const scope = await requirePageScope();
  const params = opportunityIdParams.safeParse({ id });
  if (!params.success || !Number.isInteger(version)) return notFound();
  const parsed = parseInput(updateOpportunityBody, requestBody(changes, "update"));
  if (!parsed.success) return invalid(parsed.errors, changes);
  const result = await answering(async () => {
    await updateOpportunity(scope, params.data.id, parsed.data, { expectedVersion: version });
  });
  if (!result.ok) return result;
  revalidateViews(id);
  redirect(`/opportunities/${id}`);
}

/** Close won or lost from the detail page: the same `updateStage` as the board's drag. */
export async function closeOpportunityAction(
  id: string,
  version: number,
  stage: "CLOSED_WON" | "CLOSED_LOST",
  lossReason?: string,
  lossReasonId?: string,
): Promise<ActionResult> {
  const scope = await requirePageScope();
  const params = opportunityIdParams.safeParse({ id });
  if (!params.success || !Number.isInteger(version)) return notFound();
  const parsed = parseInput(changeStageBody, { stage, loss_reason: lossReason, loss_reason_id: lossReasonId });
  if (!parsed.success) return actionFailure(undefined, { errors: parsed.errors });
  const result = await answering(async () => {
    await updateStage(scope, params.data.id, parsed.data, { expectedVersion: version });
  });
  if (!result.ok) return result;
  revalidateViews(id);
  refresh();
  return result;
}

/** Admins only (the module enforces it). */
export async function deleteOpportunityAction(id: string, version: number): Promise<ActionResult> {
  const scope = await requirePageScope();
  const params = opportunityIdParams.safeParse({ id });
  if (!params.success || !Number.isInteger(version)) return notFound();
  const result = await answering(async () => {
    await deleteOpportunity(scope, params.data.id, { expectedVersion: version });
  });
  if (!result.ok) return result;
  revalidateViews();
  redirect("/opportunities");
}

const categoryBody = updateOpportunityBody.pick({ forecast_category: true });

/** Sets the deal's forecast category from the deal page ("" = follow the stage again), as PUT /opportunities/{id}. */
export async function setForecastCategoryAction(id: string, version: number, form: FormData): Promise<void> {
  const scope = await requirePageScope();
  const params = opportunityIdParams.safeParse({ id });
  const value = form.get("forecast_category");
  const parsed = categoryBody.safeParse({ forecast_category: value === "" || value === null ? null : value });
  if (!params.success || !parsed.success) return;
  await answering(async () => {
    await updateOpportunity(scope, params.data.id, parsed.data, { expectedVersion: version });
  });
  revalidateViews(id);
}
