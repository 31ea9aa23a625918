"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { createClientAction } from "../actions";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";

export function ClientForm() {
  const [state, action, pending] = useActionState<ActionResult, FormData>(createClientAction, initialActionResult);
  const err = state.errors;
  const val = state.values ?? {};
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <FormError message={state.message} />
      <Field label="Name" name="name" required maxLength={200} defaultValue={val.name} error={err.name} autoComplete="off" />
      <Field label="Company" name="company" maxLength={200} defaultValue={val.company} error={err.company} autoComplete="organization" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email" name="email" type="email" maxLength={320} defaultValue={val.email} error={err.email} autoComplete="email" />
        <Field label="Phone" name="phone" type="tel" maxLength={50} defaultValue={val.phone} error={err.phone} autoComplete="tel" />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Link
          href="/clients"
          className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100"
        >
          Cancel
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Create client"}
        </Button>
      </div>
    </form>
  );
}
