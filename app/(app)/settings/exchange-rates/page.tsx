import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { formatDay, systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { currencyName } from "@/lib/currency";
import { getExchangeRates } from "@/lib/opportunities";
import { getTenant } from "@/lib/tenants";
import { BaseCurrencyForm } from "@/components/currency/base-currency-form";
import { ExchangeRateForm } from "@/components/currency/exchange-rate-form";
import { RateFileForm } from "@/components/currency/rate-file-form";
import { PageHeader } from "@/components/ui/list-ui";
import { addExchangeRateAction, changeBaseCurrencyAction, importExchangeRatesAction } from "./actions";

export const metadata: Metadata = { title: "Exchange rates" };

/** "1.08500000" → "1.085". */
const rateText = (rate: string) => rate.replace(/\.?0+$/, "");

export default async function ExchangeRatesPage() {
  const scope = await requirePageScope();
  const [rates, tenant] = await Promise.all([getExchangeRates(scope), getTenant(scope)]);
  const admin = scope.role === "ADMIN";
  const base = rates.base_currency;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Exchange rates"
        description={`Every total — board columns, the dashboard, reports — is in ${base} (${currencyName(base)}). Deals in other currencies convert at the rate of the day; a closed deal keeps the rate of its close.`}
      />
      <p className="text-sm">
        <Link href="/settings" className="text-brand-700 underline underline-offset-2">
          ← Settings
        </Link>
      </p>

      {admin && !tenant.hasDeals ? (
        <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="base-heading">
          <h2 id="base-heading" className="text-base font-semibold">
            Base currency
          </h2>
          <div className="mt-3">
            <BaseCurrencyForm current={base} save={changeBaseCurrencyAction} />
          </div>
        </section>
      ) : null}

      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="current-heading">
        <h2 id="current-heading" className="text-base font-semibold">
          Rates today ({formatDay(rates.as_of)})
        </h2>
        {rates.current.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No rates yet: deals can only be in {base} until a rate is added.</p>
        ) : (
          <table className="mt-3 w-full text-sm" data-testid="current-rates">
            <thead className="text-left text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th className="py-2 pr-4 font-medium">Currency</th>
                <th className="py-2 pr-4 font-medium">Rate</th>
                <th className="py-2 font-medium">Since</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rates.current.map((rate) => (
                <tr key={rate.currency}>
                  <td className="py-2 pr-4">
                    <span className="font-medium">{rate.currency}</span>{" "}
                    <span className="text-slate-600">{currencyName(rate.currency)}</span>
                  </td>
                  <td className="py-2 pr-4 tabular-nums">
                    1 {rate.currency} = {rateText(rate.rate)} {base}
                  </td>
                  <td className="py-2">{formatDay(rate.effective_from)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {admin ? (
        <section className="space-y-6 rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="add-heading">
          <div>
            <h2 id="add-heading" className="text-base font-semibold">
              Add a rate
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              A rate applies from its day on; one for a later day takes effect on that day. Open deals in that currency are revalued at
              once.
            </p>
            <div className="mt-3">
              <ExchangeRateForm baseCurrency={base} today={toIsoDate(utcDate(systemClock()))} save={addExchangeRateAction} />
            </div>
          </div>
          <div>
            <h3 className="text-sm font-semibold">Load from a file</h3>
            <p className="mt-1 text-sm text-slate-600">
              The ECB&apos;s euro reference rates (eurofxref XML, daily or historical), or a CSV with the columns currency, rate and
              effective_from. Every row is checked first: a file with a bad row changes nothing.
            </p>
            <div className="mt-3">
              <RateFileForm load={importExchangeRatesAction} />
            </div>
          </div>
        </section>
      ) : null}

      <section className="rounded-xl border border-slate-200 bg-white p-5" aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-base font-semibold">
          History
        </h2>
        {rates.history.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No rates entered.</p>
        ) : (
          <table className="mt-3 w-full text-sm" data-testid="rate-history">
            <thead className="text-left text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th className="py-2 pr-4 font-medium">Currency</th>
                <th className="py-2 pr-4 font-medium">Rate</th>
                <th className="py-2 font-medium">From</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rates.history.map((rate) => (
                <tr key={`${rate.currency}-${rate.effective_from}`}>
                  <td className="py-2 pr-4 font-medium">{rate.currency}</td>
                  <td className="py-2 pr-4 tabular-nums">
                    1 {rate.currency} = {rateText(rate.rate)} {base}
                  </td>
                  <td className="py-2">{formatDay(rate.effective_from)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
