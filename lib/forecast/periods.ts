import type { ForecastQuery } from "./schemas";

/** One period of the forecast: its key (YYYY-MM or YYYY-Qn), first and last day, and its months (YYYY-MM). */
export type ForecastPeriod = { key: string; from: string; to: string; months: string[] };

const pad = (n: number) => String(n).padStart(2, "0");
const monthText = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
const lastDay = (index: number) => new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();

/**
 * `count` consecutive months or quarters from the one holding `from` (YYYY-MM). A quarter is the calendar quarter
 * (Jan–Mar = Q1); its target is the sum of its months'.
 */
export function forecastPeriods(period: ForecastQuery["period"], from: string, count: number): ForecastPeriod[] {
  const start = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1;
  const span = period === "quarter" ? 3 : 1;
  const first = start - (start % span);
  return Array.from({ length: count }, (_, i) => {
    const begin = first + i * span;
    const end = begin + span - 1;
    const year = Math.floor(begin / 12);
    return {
      key: period === "quarter" ? `${year}-Q${Math.floor((begin % 12) / 3) + 1}` : monthText(begin),
      from: `${monthText(begin)}-01`,
      to: `${monthText(end)}-${pad(lastDay(end))}`,
      months: Array.from({ length: span }, (_, m) => monthText(begin + m)),
    };
  });
}
