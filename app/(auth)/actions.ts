"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { HOME_PATH, RateLimitedSignin, safeNextPath, signIn } from "@/lib/auth";
import { ConflictError, TooManyRequestsError } from "@/lib/errors";
import { clientIp, limitRegistration } from "@/lib/rate-limit";
import { registerBody, registerTenant } from "@/lib/users";
import { actionFailure, type ActionResult, formValues, parseInput } from "@/lib/http";

import { RETRY_AFTER_FIELD } from "./retry-after";

/** The form resets after an action: the answer's values hand back what the user typed (never the password). */
function typedValues(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "")]));
}

export async function loginAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const redirectTo = safeNextPath(form.get("next")) ?? HOME_PATH;
  const values = typedValues(form, ["email"]);
  try {
    await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirectTo });
  } catch (error) {
    if (error instanceof RateLimitedSignin) {
      return actionFailure(prev, { values: { ...values, [RETRY_AFTER_FIELD]: String(error.retryAfterSeconds) } });
    }
    if (error instanceof AuthError) return actionFailure(prev, { message: "Invalid email or password.", values });
    throw error; // the redirect after a successful sign-in
  }
  return actionFailure(prev, { values });
}

export async function registerAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const values = typedValues(form, ["company_name", "name", "email", "base_currency"]);
  const parsed = parseInput(registerBody, formValues(form));
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  try {
    await limitRegistration(clientIp(await headers()));
    const { company_name, name, email, password, base_currency } = parsed.data;
    await registerTenant({ companyName: company_name, name, email, password, baseCurrency: base_currency });
  } catch (error) {
    if (error instanceof ConflictError) return actionFailure(prev, { errors: [{ field: "email", message: error.message }], values });
    if (error instanceof TooManyRequestsError) {
      return actionFailure(prev, { errors: [{ field: "email", message: tooManyAttempts(error.retryAfterSeconds) }], values });
    }
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: HOME_PATH });
  return actionFailure(prev, { values });
}

function tooManyAttempts(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts, try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
