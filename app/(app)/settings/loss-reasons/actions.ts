"use server";

import { revalidatePath } from "next/cache";
import { requirePageScope } from "@/lib/auth";
import { actionFailure, actionSuccess, answering, formValues, parseInput, type ActionResult } from "@/lib/http";
import { createLossReason, deleteLossReason, lossReasonBody, lossReasonIdParams } from "@/lib/loss-reasons";
import { requireRole } from "@/lib/scope";

const PAGE = "/settings/loss-reasons";

/** Adds a reason to the company's list (admins). */
export async function addLossReasonAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(lossReasonBody, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  return answering(
    async () => {
      requireRole(scope, ["ADMIN"]);
      await createLossReason(scope, parsed.data);
      revalidatePath(PAGE);
      return actionSuccess(prev);
    },
    prev,
    values,
  );
}

/** Removes a reason (admins); deals closed with it keep their loss text. */
export async function deleteLossReasonAction(form: FormData): Promise<void> {
  const scope = await requirePageScope();
  requireRole(scope, ["ADMIN"]);
  const params = lossReasonIdParams.safeParse({ id: form.get("id") });
  if (params.success) await deleteLossReason(scope, params.data.id).catch(() => undefined);
  revalidatePath(PAGE);
}
