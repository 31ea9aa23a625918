import { systemClock, toIsoDate, utcDate, type Clock } from "@/lib/clock";
import {
  listRates,
  looksLikeEcbXml,
  ratesFromCsv,
  ratesFromEcbXml,
  upsertRates,
  type ExchangeRateInput,
  type ExchangeRatesOut,
} from "@/lib/currency";
import { db } from "@/lib/db";
import { ValidationError, type FieldError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { baseCurrencyOf } from "@/lib/tenants";
import { restateOpenDeals } from "./repository";

/**
 * Exchange rates as the pipeline uses them: setting rates restates the open deals of those currencies in the same
 * transaction (so every total moves at once by exactly the converted difference); a daily job restates the deals
 * whose currency has a rate that took effect since.
 */

const today = (clock: Clock) => toIsoDate(utcDate(clock()));

export async function getExchangeRates(scope: Scope, clock: Clock = systemClock): Promise<ExchangeRatesOut> {
  const [baseCurrency, rates] = await Promise.all([baseCurrencyOf(scope), listRates(scope.tenantId)]);
  const day = today(clock);
  const out = (r: (typeof rates)[number]) => ({
    currency: r.currency,
    rate: r.rate.toFixed(8),
    effective_from: toIsoDate(r.effectiveFrom),
  });
  const current = new Map<string, ReturnType<typeof out>>();
  for (const rate of rates) if (toIsoDate(rate.effectiveFrom) <= day && !current.has(rate.currency)) current.set(rate.currency, out(rate));
  return { base_currency: baseCurrency, as_of: day, current: [...current.values()], history: rates.map(out) };
}

/** Adds or replaces rates (admins), then restates the open deals of those currencies as of today. */
export async function setExchangeRates(scope: Scope, rates: ExchangeRateInput[], clock: Clock = systemClock): Promise<ExchangeRatesOut> {
  const base = await baseCurrencyOf(scope);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  rates.forEach((rate, i) => {
    if (rate.currency === base) errors.push({ field: `rates[${i}].currency`, message: `is the base currency; its rate is always 1` });
    const key = `${rate.currency}@${rate.effective_from}`;
    if (seen.has(key)) errors.push({ field: `rates[${i}]`, message: `repeats ${rate.currency} on ${rate.effective_from}` });
    seen.add(key);
  });
  if (errors.length > 0) throw new ValidationError(errors);
  await db().$transaction(async (tx) => {
    await upsertRates(
      tx,
      scope.tenantId,
      scope.userId,
      rates.map((r) => ({ currency: r.currency, rate: r.rate, effectiveFrom: r.effective_from })),
    );
    await restateOpenDeals(today(clock), { tenantId: scope.tenantId, currencies: [...new Set(rates.map((r) => r.currency))] }, tx);
  });
  return getExchangeRates(scope, clock);
}

/** Rates from an ECB reference-rates XML or a CSV file: all of them, or none with every bad row reported. */
export async function importExchangeRates(scope: Scope, text: string, format: "ecb" | "csv" | undefined, clock: Clock = systemClock) {
  const ecb = format ? format === "ecb" : looksLikeEcbXml(text);
  const parsed = ecb ? ratesFromEcbXml(text, await baseCurrencyOf(scope)) : ratesFromCsv(text);
  if (parsed.errors.length > 0) throw new ValidationError(parsed.errors);
  if (parsed.rates.length === 0) throw ValidationError.field("file", "has no rates");
  return setExchangeRates(scope, parsed.rates, clock);
}

/** The daily job: every tenant's open deals at the rate of today. */
export async function restateExchangeRates(clock: Clock): Promise<{ restated: number }> {
  return { restated: await restateOpenDeals(today(clock)) };
}
