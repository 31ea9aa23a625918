import Link from "next/link";
import { toCsv } from "@/lib/analytics/browser";
import type { ForecastOut } from "@/lib/forecast/browser";
import { formatMoney, formatPercent } from "@/lib/money";
import { hrefWith } from "@/components/ui/list-ui";

type Period = ForecastOut["periods"][number];
type Figures = Omit<Period, "key" | "from" | "to" | "reps">;

const FIELDS = ["target", "closed_won", "commit", "best_case", "pipeline", "weighted", "attainment", "gap", "p10", "p50", "p90"] as const;

/** The deals behind a number: the list filtered by close date (and category, stage or owner). */
function dealsHref(period: Period, filter: Record<string, string>, owner?: string): string {
  return hrefWith("/opportunities", { close_from: period.from, close_to: period.to, owner, ...filter });
}

const LINKS: Partial<Record<keyof Figures, Record<string, string>>> = {
  closed_won: { stage: "CLOSED_WON" },
  commit: { forecast_category: "COMMIT" },
  best_case: { forecast_category: "BEST_CASE" },
  pipeline: { forecast_category: "PIPELINE" },
};

function Row({
  label,
  period,
  figures,
  currency,
  owner,
}: {
  label: string;
  period: Period;
  figures: Figures;
  currency: string;
  owner?: string;
}) {
  const money = (text: string) => formatMoney(text, currency);
  const cell = (field: keyof Figures) => {
    const text = money(figures[field] as string);
    const filter = LINKS[field];
    return filter ? (
      <Link href={dealsHref(period, filter, owner)} className="text-brand-700 underline underline-offset-2">
        {text}
      </Link>
    ) : (
      text
    );
  };
  return (
    <tr>
      <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap text-slate-900">
        {label}
      </th>
      <td className="px-3 py-2 text-right">{money(figures.target)}</td>
      <td className="px-3 py-2 text-right">{cell("closed_won")}</td>
      <td className="px-3 py-2 text-right">{figures.attainment === null ? "—" : formatPercent(figures.attainment)}</td>
      <td className="px-3 py-2 text-right">{money(figures.gap)}</td>
      <td className="px-3 py-2 text-right">{cell("commit")}</td>
      <td className="px-3 py-2 text-right">{cell("best_case")}</td>
      <td className="px-3 py-2 text-right">{cell("pipeline")}</td>
      <td className="px-3 py-2 text-right">{money(figures.weighted)}</td>
      <td className="px-3 py-2 text-right whitespace-nowrap">
        {money(figures.p10)} – {money(figures.p90)}
        <span className="block text-xs text-slate-500">p50 {money(figures.p50)}</span>
      </td>
    </tr>
  );
}

function Table({ caption, id, children }: { caption: string; id: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="w-full text-sm tabular-nums">
        <caption id={id} className="px-3 pt-3 text-left text-base font-semibold text-slate-900">
          {caption}
        </caption>
        <thead className="text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            {["", "Target", "Won", "Attainment", "Gap", "Commit", "Best case", "Pipeline", "Weighted", "Likely won p10–p90"].map(
              (head, i) => (
                <th key={head || i} scope="col" className={`px-3 py-2 ${i === 0 ? "text-left" : "text-right"}`}>
                  {head || <span className="sr-only">Period or rep</span>}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** The figures per period, then each period's reps, every deal amount a link to the deals behind it; and a CSV. */
export function ForecastTables({ forecast }: { forecast: ForecastOut }) {
  const currency = forecast.base_currency;
  const csv = toCsv([
    ["period", "from", "to", "rep_id", "rep", ...FIELDS, "open_deals"],
    ...forecast.periods.flatMap((period) => [
      [period.key, period.from, period.to, null, "All", ...FIELDS.map((f) => period[f]), period.open_deals],
      ...period.reps.map((rep) => [
        period.key,
        period.from,
        period.to,
        rep.user.id,
        rep.user.name,
        ...FIELDS.map((f) => rep[f]),
        rep.open_deals,
      ]),
    ]),
  ]);
  const first = forecast.periods[0]!;
  const last = forecast.periods.at(-1)!;
  return (
    <div className="space-y-6">
      <div className="flex justify-end">
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
          download={`forecast-${first.key}-${last.key}.csv`}
          className="text-sm text-brand-700 underline underline-offset-2"
        >
          Download CSV<span className="sr-only"> of the forecast</span>
        </a>
      </div>
      <Table caption="By period" id="forecast-periods">
        {forecast.periods.map((period) => (
          <Row key={period.key} label={period.key} period={period} figures={period} currency={currency} />
        ))}
      </Table>
      {forecast.periods.map((period) => (
        <Table key={period.key} caption={`${period.key} by rep`} id={`forecast-reps-${period.key}`}>
          {period.reps.length === 0 ? (
            <tr>
              <td colSpan={10} className="px-3 py-3 text-slate-600">
                No targets or deals in this period.
              </td>
            </tr>
          ) : (
            period.reps.map((rep) => (
              <Row key={rep.user.id} label={rep.user.name} period={period} figures={rep} currency={currency} owner={rep.user.id} />
            ))
          )}
        </Table>
      ))}
    </div>
  );
}
