"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addDays } from "@/lib/clock";
import { createPersonalTokenInput, issueToken, requirePageScope, revokePersonalToken } from "@/lib/auth";
import { actionFailure, type ActionResult, actionSuccess, formValues, parseInput } from "@/lib/http";
import { CATEGORIES, updateNotificationPreferences, updateNotificationPreferencesBody } from "@/lib/notification-preferences";
import { updateMe, updateMeBody } from "@/lib/users";

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

/**
 * The notification matrix: for each category the checked `in_app` and `push` boxes are on, the others off, and
 * `email:<category>` holds its email mode.
 */
export async function saveNotificationPreferencesAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const checked = (name: string) => new Set(form.getAll(name).filter((value): value is string => typeof value === "string"));
  const inApp = checked("in_app");
  const push = checked("push");
  const parsed = parseInput(updateNotificationPreferencesBody, {
    preferences: CATEGORIES.map((category) => ({
      category,
      in_app: inApp.has(category),
      email: form.get(`email:${category}`) ?? "INSTANT",
      push: push.has(category),
    })),
  });
  if (!parsed.success) return actionFailure(prev, { message: "Choose Instant, Daily digest or Off for every email setting." });
  await updateNotificationPreferences(scope, parsed.data);
  revalidatePath("/settings");
  return actionSuccess(prev);
}

/** Time zone and quiet hours (off unless `quiet_hours_on` is checked). */
export async function saveDeliveryTimeAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(updateMeBody, {
    timezone: values.timezone,
    quiet_hours: values.quiet_hours_on ? { start: values.quiet_start ?? "", end: values.quiet_end ?? "" } : null,
  });
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  await updateMe(scope, parsed.data);
  revalidatePath("/settings");
  return actionSuccess(prev);
}
