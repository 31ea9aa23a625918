"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { RateLimitedSignin, signIn } from "@/lib/auth";
import { ConflictError, TooManyRequestsError } from "@/lib/errors";
import { clientIp, limitRegistration } from "@/lib/rate-limit";
import { registerBody, registerTenant } from "@/lib/users";
import { formValues, parseInput } from "@/lib/http";

export type AuthFormState = {
  /** Counts the answers, so the form can tell a new one from the last. */
  attempt?: number;
  error?: string;
  /** Over a sign-in limit: how long to wait, the figure the API sends in Retry-After. */
  retryAfterSeconds?: number;
  fieldErrors?: Record<string, string>;
  /** What the user typed (never the password), to refill the form after it resets. */
  values?: Record<string, string>;
};

function typedValues(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "")]));
}

export async function loginAction(prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const redirectTo = safeRedirect(form.get("next"));
  const attempt = (prev.attempt ?? 0) + 1;
  try {
    await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirectTo });
  } catch (error) {
    // The form resets after an action: hand the email back so the user only retypes the password.
    const values = typedValues(form, ["email"]);
    if (error instanceof RateLimitedSignin) return { attempt, retryAfterSeconds: error.retryAfterSeconds, values };
    if (error instanceof AuthError) return { attempt, error: "Invalid email or password.", values };
    throw error; // the redirect after a successful sign-in
  }
  return {};
}

export async function registerAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const values = typedValues(form, ["company_name", "name", "email", "base_currency"]);
  const parsed = parseInput(registerBody, formValues(form));
  if (!parsed.success) {
    return { values, fieldErrors: Object.fromEntries(parsed.errors.map((e) => [e.field, e.message])) };
  }
  try {
    await limitRegistration(clientIp(await headers()));
    const { company_name, name, email, password, base_currency } = parsed.data;
    await registerTenant({ companyName: company_name, name, email, password, baseCurrency: base_currency });
  } catch (error) {
    if (error instanceof ConflictError) return { values, fieldErrors: { email: error.message } };
    if (error instanceof TooManyRequestsError) return { values, fieldErrors: { email: tooManyAttempts(error.retryAfterSeconds) } };
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/pipeline" });
  return {};
}

function tooManyAttempts(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts, try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

function safeRedirect(value: FormDataEntryValue | null): string {
  const target = typeof value === "string" ? value : "";
  return target.startsWith("/") && !target.startsWith("//") ? target : "/pipeline";
}
