import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { systemClock, toIsoDate } from "@/lib/clock";
import { forecastQuery, getForecast, MAX_FORECAST_PERIODS } from "@/lib/forecast";
import { firstValues, type SearchParams } from "@/lib/http";
import { formatPercent } from "@/lib/money";
import { seesWholeTenant } from "@/lib/scope";
import { listUsers } from "@/lib/users";
import { ForecastChart } from "@/components/forecast/forecast-chart";
import { ForecastTables } from "@/components/forecast/forecast-tables";
import { ownerParam } from "@/components/opportunities/url-filters";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/list-ui";

export const metadata: Metadata = { title: "Forecast" };

const STAGE_NAMES: Record<string, string> = { LEAD: "Lead", QUALIFIED: "Qualified", PROPOSAL: "Proposal", NEGOTIATION: "Negotiation" };

/** The forecast of the caller's deals (a manager: the team's or one rep's): chart, tables, CSV; a GET form picks the periods. */
export default async function ForecastPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const manager = seesWholeTenant(scope);
  const params = firstValues(await searchParams);
  const owner = ownerParam(params, manager);
  const thisMonth = toIsoDate(systemClock()).slice(0, 7);
  const parsed = forecastQuery.safeParse({
    period: params.period,
    from: params.from || thisMonth,
    periods: params.periods,
    assigned_to: owner,
  });
  const query = parsed.success ? parsed.data : forecastQuery.parse({ from: thisMonth, assigned_to: owner });
  const [forecast, users] = await Promise.all([getForecast(scope, query), manager ? listUsers(scope) : Promise.resolve([])]);
  const history = forecast.simulation.win_rates;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Forecast"
        description={
          manager ? "Won, called and likely, against the team's targets." : "Your won, called and likely deals against your target."
        }
        action={
          manager ? (
            <Link href="/settings/targets" className="text-sm text-brand-700 underline underline-offset-2">
              Set targets
            </Link>
          ) : undefined
        }
      />
      <form
        action="/forecast"
        method="get"
        aria-label="Forecast periods"
        className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
      >
        <label className="text-sm font-medium text-slate-700">
          By
          <select name="period" defaultValue={query.period} className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm">
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          From
          <input
            type="month"
            name="from"
            defaultValue={query.from}
            className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Periods
          <input
            type="number"
            name="periods"
            min={1}
            max={MAX_FORECAST_PERIODS}
            defaultValue={query.periods}
            className="mt-1 block w-20 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        {manager ? (
          <label className="text-sm font-medium text-slate-700">
            Rep
            <select name="owner" defaultValue={owner ?? ""} className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm">
              <option value="">Everyone</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <Button type="submit">Show</Button>
        {!parsed.success ? (
          <p role="alert" className="w-full text-sm text-red-700">
            Those periods could not be read; showing {query.periods} months from {query.from}.
          </p>
        ) : null}
      </form>
      <ForecastChart periods={forecast.periods} currency={forecast.base_currency} />
      <ForecastTables forecast={forecast} />
      <p className="text-xs text-slate-600" data-testid="forecast-method">
        Likely won: {forecast.simulation.runs.toLocaleString("en-US")} simulated outcomes (seed {forecast.simulation.seed}) in which each
        open deal is won with the win rate of its stage —{" "}
        {history
          .map(
            (rate) =>
              `${STAGE_NAMES[rate.stage] ?? rate.stage} ${formatPercent(rate.rate)} (${rate.source === "history" ? `${rate.closed} closed deals` : "stage probability"})`,
          )
          .join(", ")}
        . p10–p90: 8 outcomes in 10 fall in this range. Amounts in {forecast.base_currency}.
      </p>
    </div>
  );
}
