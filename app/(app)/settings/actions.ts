"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addDays } from "@/lib/clock";
import { createPersonalTokenInput, issueToken, requirePageScope, revokePersonalToken } from "@/lib/auth";
import { actionFailure, type ActionResult, actionSuccess, formValues, parseInput } from "@/lib/http";
import { EMAIL_CATEGORIES, updateEmailPreferences } from "@/lib/email";

/** Creates a personal token; the answer's values carry it (`token`, `name`) to show once. */
export async function createPersonalTokenAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(createPersonalTokenInput, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  const { name, expires_in_days } = parsed.data;
  const expiresAt = expires_in_days === "never" ? null : addDays(new Date(), Number(expires_in_days));
  const { token } = await issueToken(scope, "PERSONAL_TOKEN", name, expiresAt);
  revalidatePath("/settings");
  return actionSuccess(prev, { token, name });
}

export async function revokePersonalTokenAction(form: FormData): Promise<void> {
  const scope = await requirePageScope();
  const id = z.uuid().safeParse(form.get("id"));
  if (id.success) await revokePersonalToken(scope, id.data);
  revalidatePath("/settings");
}

/** The email settings form: every category listed, the checked ones (`enabled`) on, the others off. */
export async function saveEmailPreferencesAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const checked = new Set(form.getAll("enabled").filter((value): value is string => typeof value === "string"));
  await updateEmailPreferences(
    scope,
    EMAIL_CATEGORIES.map((category) => ({ category, enabled: checked.has(category) })),
  );
  revalidatePath("/settings");
  return actionSuccess(prev);
}
