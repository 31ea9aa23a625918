"use server";

import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePageScope } from "@/lib/auth/page-scope";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError, type FieldError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import {
  changeStageBody,
  createOpportunity,
  createOpportunityBody,
  deleteOpportunity,
  opportunityIdParams,
  updateOpportunity,
  updateOpportunityBody,
  updateStage,
} from "@/lib/opportunities";
import { requestBody, requiredMessage, type OpportunityFormValues } from "@/lib/opportunities/browser";

/** What a form's server action answers when it did not redirect: field errors and/or a message for the form. */
export type ActionResult = { ok: true } | { ok: false; errors: FieldError[]; message?: string };

/** The refusals a user can fix or should hear about; anything else is a bug and goes to the error boundary. */
function refusal(error: unknown): ActionResult {
  if (error instanceof ValidationError) return { ok: false, errors: error.errors };
  if (error instanceof ForbiddenError) return { ok: false, errors: [{ field: "assigned_to", message: error.message }] };
  if (error instanceof PreconditionFailedError)
    return {
      ok: false,
      errors: [],
      message: "Someone else changed this opportunity meanwhile. Reload the page to see their changes, then edit again.",
    };
  if (error instanceof ConflictError || error instanceof NotFoundError) return { ok: false, errors: [], message: error.message };
  throw error;
}

function revalidateViews(id?: string) {
  revalidatePath("/pipeline");
  revalidatePath("/opportunities");
  revalidatePath("/dashboard");
  if (id) revalidatePath(`/opportunities/${id}`);
}

function invalid(errors: FieldError[], values: Partial<OpportunityFormValues>): ActionResult {
  return { ok: false, errors: errors.map((e) => ({ field: e.field, message: requiredMessage(e.field, e.message, values) })) };
}

export async function createOpportunityAction(values: OpportunityFormValues): Promise<ActionResult> {
  const scope = await requirePageScope();
  const parsed = parseInput(createOpportunityBody, requestBody(values, "create"));
  if (!parsed.success) return invalid(parsed.errors, values);
  let id: string;
  try {
    id = (await createOpportunity(scope, parsed.data)).id;
  } catch (error) {
    return refusal(error);
  }
  revalidateViews();
  redirect(`/opportunities/${id}`);
}

/** A partial update: `changes` holds only the fields the user edited; `version` is what the form was loaded with. */
export async function updateOpportunityAction(id: string, version: number, changes: Partial<OpportunityFormValues>): Promise<ActionResult> {
  const scope = await requirePageScope();
  const params = opportunityIdParams.safeParse({ id });
  if (!params.success || !Number.isInteger(version)) return { ok: false, errors: [], message: "Opportunity not found." };
  const parsed = parseInput(updateOpportunityBody, requestBody(changes, "update"));
  if (!parsed.success) return invalid(parsed.errors, changes);
  try {
    await updateOpportunity(scope, params.data.id, parsed.data, { expectedVersion: version });
  } catch (error) {
    return refusal(error);
  }
  revalidateViews(id);
  redirect(`/opportunities/${id}`);
}

/** Close won or lost from the detail page: the same `updateStage` as the board's drag. */
export async function closeOpportunityAction(
  id: string,
  version: number,
  stage: "CLOSED_WON" | "CLOSED_LOST",
  lossReason?: string,
): Promise<ActionResult> {
  const scope = await requirePageScope();
  const params = opportunityIdParams.safeParse({ id });
  if (!params.success || !Number.isInteger(version)) return { ok: false, errors: [], message: "Opportunity not found." };
  const parsed = parseInput(changeStageBody, { stage, loss_reason: lossReason });
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  try {
    await updateStage(scope, params.data.id, parsed.data, { expectedVersion: version });
  } catch (error) {
    return refusal(error);
  }
  revalidateViews(id);
  refresh();
  return { ok: true };
}

/** Admins only (the module enforces it). */
export async function deleteOpportunityAction(id: string, version: number): Promise<ActionResult> {
  const scope = await requirePageScope();
  const params = opportunityIdParams.safeParse({ id });
  if (!params.success || !Number.isInteger(version)) return { ok: false, errors: [], message: "Opportunity not found." };
  try {
    await deleteOpportunity(scope, params.data.id, { expectedVersion: version });
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, errors: [], message: error.message };
    return refusal(error);
  }
  revalidateViews();
  redirect("/opportunities");
}
