"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";
import { loginAction } from "../actions";
import { RETRY_AFTER_FIELD } from "../retry-after";
import { SignInButton } from "./sign-in-button";

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(loginAction, initialActionResult);
  const retryAfterSeconds = Number(state.values?.[RETRY_AFTER_FIELD] ?? 0);
  return (
    <form action={action} className="space-y-4">
      <h1 className="text-lg font-semibold">Sign in</h1>
      {next ? <p className="text-sm text-slate-600">Sign in to continue to the page you asked for.</p> : null}
      <FormError message={state.message} />
      <input type="hidden" name="next" value={next ?? ""} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <SignInButton key={state.attempt} retryAfterSeconds={retryAfterSeconds} pending={pending} />
      <p className="text-center text-sm text-slate-600">
        New to OnQuota?{" "}
        <Link href="/register" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
          Create an account
        </Link>
      </p>
    </form>
  );
}
