"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CurrencyField } from "@/components/ui/currency-field";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import type { QuoteStatus } from "@/lib/generated/prisma/enums";
import { statusLabel } from "./format";
import { type ActionResult, initialActionResult } from "@/lib/http/browser";
import { SelectField } from "@/components/ui/select-field";

type Option = { id: string; name: string };

export type QuoteFormValues = {
  client_id: string;
  quote_number: string;
  total_amount: string;
  currency: string;
  status: string;
  valid_until: string;
  sales_rep_id: string;
};

type QuoteFormProps = {
  /** Creates, or updates the quote it is bound to; redirects to the quote's page when it worked. */
  action: (prev: ActionResult, form: FormData) => Promise<ActionResult>;
  defaults: QuoteFormValues;
  submitLabel: string;
  cancelHref: string;
  clients: Option[];
  /** Offered to managers only; a rep's quotes are always their own. */
  salesReps: Option[];
  statuses: QuoteStatus[];
};

export function QuoteForm({ action: save, defaults, submitLabel, cancelHref, clients, salesReps, statuses }: QuoteFormProps) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(save, initialActionResult);
  const err = state.errors;
  const val: Partial<QuoteFormValues> = state.values ?? defaults;
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <FormError message={state.message} />
      <SelectField
        label="Client"
        name="client_id"
        required
        defaultValue={val.client_id ?? ""}
        error={err.client_id}
        options={[{ value: "", label: "Choose a client…" }, ...clients.map((c) => ({ value: c.id, label: c.name }))]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Quote number"
          name="quote_number"
          required
          maxLength={50}
          defaultValue={val.quote_number}
          error={err.quote_number}
          autoComplete="off"
        />
        <Field label="Valid until" name="valid_until" type="date" required defaultValue={val.valid_until} error={err.valid_until} />
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <Field
          label="Total amount"
          name="total_amount"
          inputMode="decimal"
          required
          placeholder="0.00"
          defaultValue={val.total_amount}
          error={err.total_amount}
          hint="Up to two decimals, e.g. 12500.50"
        />
        <CurrencyField label="Currency" name="currency" className="uppercase" defaultValue={val.currency} error={err.currency} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Status"
          name="status"
          defaultValue={val.status ?? "DRAFT"}
          error={err.status}
          options={statuses.map((s) => ({ value: s, label: statusLabel[s] }))}
        />
        {salesReps.length > 0 ? (
          <SelectField
            label="Sales rep"
            name="sales_rep_id"
            defaultValue={val.sales_rep_id}
            error={err.sales_rep_id}
            options={salesReps.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : null}
      </div>
      {err.sales_rep_id && salesReps.length === 0 ? (
        <p role="alert" className="text-sm text-red-600">
          {err.sales_rep_id}
        </p>
      ) : null}
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
