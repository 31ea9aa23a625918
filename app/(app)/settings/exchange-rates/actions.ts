"use server";

import { revalidatePath } from "next/cache";
import { requirePageScope } from "@/lib/auth";
import { exchangeRateInput } from "@/lib/currency";
import { actionFailure, actionSuccess, answering, formValues, parseInput, type ActionResult } from "@/lib/http";
import { importExchangeRates, setExchangeRates } from "@/lib/opportunities";
import { updateTenant, updateTenantBody } from "@/lib/tenants";

const PAGE = "/settings/exchange-rates";

function refreshTotals() {
  for (const path of [PAGE, "/pipeline", "/dashboard", "/opportunities"]) revalidatePath(path);
}

/** One rate typed in the form (admins; the module checks the role and restates the open deals). */
export async function addExchangeRateAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(exchangeRateInput, values);
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  return answering(
    async () => {
      await setExchangeRates(scope, [parsed.data]);
      refreshTotals();
      return actionSuccess(prev);
    },
    prev,
    values,
  );
}

/** An ECB XML or CSV rates file: every rate applied, or none with each bad row named. */
export async function importExchangeRatesAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return actionFailure(prev, { errors: [{ field: "file", message: "is required" }] });
  const format = form.get("format");
  return answering(async () => {
    const view = await importExchangeRates(scope, await file.text(), format === "ecb" || format === "csv" ? format : undefined);
    refreshTotals();
    return actionSuccess(prev, { loaded: String(view.history.length) });
  }, prev);
}

/** The base currency, while the company has no deals (admins). */
export async function changeBaseCurrencyAction(prev: ActionResult, form: FormData): Promise<ActionResult> {
  const scope = await requirePageScope();
  const values = formValues(form);
  const parsed = parseInput(updateTenantBody, { base_currency: values.base_currency });
  if (!parsed.success) return actionFailure(prev, { errors: parsed.errors, values });
  return answering(
    async () => {
      await updateTenant(scope, parsed.data);
      refreshTotals();
      return actionSuccess(prev);
    },
    prev,
    values,
  );
}
