"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CurrencyField } from "@/components/ui/currency-field";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";
import { registerAction } from "../actions";

export function RegisterForm() {
  const [state, action, pending] = useActionState<ActionResult, FormData>(registerAction, initialActionResult);
  const err = state.errors;
  return (
    <form action={action} className="space-y-4" noValidate>
      <h1 className="text-lg font-semibold">Create your company account</h1>
      <FormError message={state.message} />
      <Field
        label="Company name"
        name="company_name"
        autoComplete="organization"
        required
        error={err.company_name}
        defaultValue={state.values?.company_name}
      />
      <CurrencyField
        label="Currency of your totals"
        name="base_currency"
        className="uppercase"
        defaultValue={state.values?.base_currency || "USD"}
        error={err.base_currency}
        hint="Deals can be in any currency; totals and reports are in this one."
      />
      <Field label="Your name" name="name" autoComplete="name" required error={err.name} defaultValue={state.values?.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={err.email} defaultValue={state.values?.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        error={err.password}
        hint="At least 8 characters."
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
          Sign in
        </Link>
      </p>
    </form>
  );
}
