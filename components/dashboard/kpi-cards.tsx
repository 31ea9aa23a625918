import type { PipelineSummaryOut } from "@/lib/opportunities/browser";
import { formatMoney, formatPercent } from "@/lib/money";

type Kpi = { key: string; label: string; value: string; shown: string; hint?: string };

/** The summary's headline numbers. `data-value` carries the API's exact figure next to the formatted one. */
export function KpiCards({ summary }: { summary: PipelineSummaryOut }) {
  const kpis: Kpi[] = [
    {
      key: "total_value",
      label: "Total value",
      value: summary.total_value,
      shown: formatMoney(summary.total_value, summary.base_currency),
      hint: `${summary.total_opportunities} deals`,
    },
    {
      key: "weighted_value",
      label: "Weighted value",
      value: summary.weighted_value,
      shown: formatMoney(summary.weighted_value, summary.base_currency),
      hint: "Value × probability",
    },
    {
      key: "win_rate",
      label: "Win rate",
      value: summary.win_rate,
      shown: formatPercent(summary.win_rate),
      hint:
        summary.total_won + summary.total_lost > 0 ? `Of ${summary.total_won + summary.total_lost} closed deals` : "No closed deals yet",
    },
    {
      key: "average_deal_size",
      label: "Average deal size",
      value: summary.average_deal_size,
      shown: formatMoney(summary.average_deal_size, summary.base_currency),
    },
    { key: "total_won", label: "Won", value: String(summary.total_won), shown: String(summary.total_won) },
    { key: "total_lost", label: "Lost", value: String(summary.total_lost), shown: String(summary.total_lost) },
    {
      key: "active_opportunities",
      label: "Active",
      value: String(summary.active_opportunities),
      shown: String(summary.active_opportunities),
      hint: "In open stages",
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {kpis.map((kpi) => (
        <div key={kpi.key} className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{kpi.label}</dt>
          <dd
            className="mt-1 text-xl font-semibold break-words text-slate-900 tabular-nums sm:text-2xl"
            data-testid={`kpi-${kpi.key}`}
            data-value={kpi.value}
          >
            {kpi.shown}
          </dd>
          {kpi.hint ? <dd className="mt-0.5 text-xs text-slate-500">{kpi.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
