"use client";

import { useActionState } from "react";
import { initialActionResult, type ActionResult } from "@/lib/http/browser";
import { Button } from "@/components/ui/button";
import { CurrencyField } from "@/components/ui/currency-field";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";

type Save = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

/** Adds (or corrects) the rate of one currency from a day on. */
export function ExchangeRateForm({ baseCurrency, today, save }: { baseCurrency: string; today: string; save: Save }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(save, initialActionResult);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form key={state.attempt} action={action} noValidate className="space-y-3" aria-label="Add an exchange rate">
      <FormError message={state.message} />
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr_11rem_auto] sm:items-start">
        <CurrencyField
          label="Currency"
          name="currency"
          className="uppercase"
          defaultValue={values.currency}
          error={state.errors.currency}
        />
        <Field
          label={`${baseCurrency} per 1 unit`}
          name="rate"
          inputMode="decimal"
          placeholder="1.08500000"
          defaultValue={values.rate}
          error={state.errors.rate}
          hint="Up to 8 decimals"
        />
        <Field
          label="Effective from"
          name="effective_from"
          type="date"
          defaultValue={values.effective_from ?? today}
          error={state.errors.effective_from}
        />
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Saving…" : "Save rate"}
        </Button>
      </div>
      {state.attempt > 0 && state.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Rate saved; open deals in that currency now use it.
        </p>
      ) : null}
    </form>
  );
}
