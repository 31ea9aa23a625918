"use client";

import { useActionState } from "react";
import { initialActionResult, type ActionResult } from "@/lib/http/browser";
import { Button } from "@/components/ui/button";
import { CurrencyField } from "@/components/ui/currency-field";

type Save = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

/** The base currency, changeable while the company has no deals. */
export function BaseCurrencyForm({ current, save }: { current: string; save: Save }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(save, initialActionResult);
  return (
    <form key={state.attempt} action={action} noValidate className="flex flex-wrap items-start gap-3" aria-label="Base currency">
      <CurrencyField
        id="base-currency"
        label="Base currency"
        name="base_currency"
        className="uppercase"
        defaultValue={state.values?.base_currency ?? current}
        error={state.errors.base_currency ?? state.message}
        hint="Possible while the company has no deals; its exchange rates are cleared."
      />
      <Button type="submit" variant="secondary" disabled={pending} className="mt-6">
        {pending ? "Saving…" : "Change"}
      </Button>
    </form>
  );
}
