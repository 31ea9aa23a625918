"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";

type ClientFormProps = {
  /** Creates, or updates the client it is bound to; redirects to the client's page when it worked. */
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  defaults?: { name: string; company: string; email: string; phone: string };
  submitLabel: string;
  cancelHref: string;
};

export function ClientForm({ action: save, defaults, submitLabel, cancelHref }: ClientFormProps) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(save, initialActionResult);
  const err = state.errors;
  const val = state.values ?? defaults ?? {};
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
          href={cancelHref}
          className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Cancel
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
