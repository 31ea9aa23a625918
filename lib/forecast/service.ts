import { getStageSettings } from "@/lib/opportunities";
import type { Scope } from "@/lib/scope";
import { baseCurrencyOf } from "@/lib/tenants";
import { forecastRows, simulationGroups, type ForecastRow } from "./forecast-sql";
import { fromCents, toCents } from "./money-cents";
import { forecastPeriods } from "./periods";
import { simulatedRange } from "./range";
import type { ForecastFigures, ForecastOut, ForecastQuery } from "./schemas";
import { RUNS, type Percentiles } from "./simulate";
import { stageWinRates } from "./win-rates";

/** The stage probabilities of the tenant's settings (percent text per open stage): the simulation's fallback. */
export async function stageProbabilities(scope: Scope): Promise<Record<string, string>> {
  const settings = await getStageSettings(scope);
  return Object.fromEntries(settings.stages.map((stage) => [stage.stage, stage.default_probability]));
}

const ZERO_ROW = {
  target: "0",
  closed_won: "0",
  commit: "0",
  best_case: "0",
  pipeline: "0",
  weighted: "0",
  attainment: null,
  gap: "0",
  open_deals: 0,
};

const money = (text: string) => fromCents(toCents(text));

function figuresOf(row: Omit<ForecastRow, "idx" | "user_id" | "user_name">, range: Percentiles): ForecastFigures {
  return {
    target: money(row.target),
    closed_won: money(row.closed_won),
    commit: money(row.commit),
    best_case: money(row.best_case),
    pipeline: money(row.pipeline),
    weighted: money(row.weighted),
    attainment: row.attainment === null ? null : money(row.attainment),
    gap: money(row.gap),
    open_deals: row.open_deals,
    p10: fromCents(range.p10),
    p50: fromCents(range.p50),
    p90: fromCents(range.p90),
  };
}

/** The forecast of the caller's visible deals (a rep: their own), per period and per rep (see ForecastOut). */
export async function getForecast(scope: Scope, query: ForecastQuery): Promise<ForecastOut> {
  const periods = forecastPeriods(query.period, query.from, query.periods);
  const [baseCurrency, rows, groups, winRates] = await Promise.all([
    baseCurrencyOf(scope),
    forecastRows(scope, periods, query.assigned_to),
    simulationGroups(scope, periods, query.assigned_to),
    stageWinRates(scope.tenantId, stageProbabilities(scope)),
  ]);

  const repRows = rows.filter((row) => row.user_id !== null);
  const bucketOf = new Map(repRows.map((row, i) => [`${row.idx}/${row.user_id}`, i]));
  const range = simulatedRange({
    periods: periods.length,
    buckets: repRows.map((row) => ({ period: row.idx, wonCents: toCents(row.closed_won) })),
    groups: groups.map((group) => ({
      bucket: bucketOf.get(`${group.idx}/${group.user_id}`)!,
      stage: group.stage,
      cents: group.cents.split(",").map(Number),
    })),
    rates: winRates.rates,
  });

  return {
    base_currency: baseCurrency,
    period: query.period,
    simulation: {
      runs: RUNS,
      seed: range.seed,
      closed_deals: winRates.closedDeals,
      win_rates: winRates.rates.map(({ stage, rate, source, closed }) => ({ stage, rate, source, closed })),
    },
    periods: periods.map((period, idx) => {
      const total = rows.find((row) => row.idx === idx && row.user_id === null) ?? ZERO_ROW;
      return {
        key: period.key,
        from: period.from,
        to: period.to,
        ...figuresOf(total, range.periods[idx]!),
        reps: repRows.flatMap((row, bucket) =>
          row.idx === idx ? [{ user: { id: row.user_id!, name: row.user_name ?? "" }, ...figuresOf(row, range.buckets[bucket]!) }] : [],
        ),
      };
    }),
  };
}
