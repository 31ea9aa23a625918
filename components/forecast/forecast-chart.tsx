import type { ForecastOut } from "@/lib/forecast/browser";
import { formatMoney } from "@/lib/money";

type Period = ForecastOut["periods"][number];

/** The stacked parts of a period's bar, bottom up (won, then the open deals by how sure the reps are). */
export const FORECAST_PARTS = [
  { key: "closed_won", label: "Won", fill: "fill-emerald-600", swatch: "bg-emerald-600" },
  { key: "commit", label: "Commit", fill: "fill-emerald-300", swatch: "bg-emerald-300" },
  { key: "best_case", label: "Best case", fill: "fill-amber-300", swatch: "bg-amber-300" },
  { key: "pipeline", label: "Pipeline", fill: "fill-slate-300", swatch: "bg-slate-300" },
] as const;

const SLOT = 110;
const LEFT = 64;
const TOP = 12;
const HEIGHT = 220;

/**
 * Periods as stacked bars (won, commit, best case, pipeline) with the target as a dark line across each period and
 * the simulated p10–p90 of won value as a band beside the bar (its p50 a tick). The geometry is drawing only: the
 * figures themselves are in the table below, which screen readers read instead.
 */
export function ForecastChart({ periods, currency }: { periods: Period[]; currency: string }) {
  const value = (text: string) => Number(text);
  const tops = periods.flatMap((p) => [FORECAST_PARTS.reduce((sum, part) => sum + value(p[part.key]), 0), value(p.target), value(p.p90)]);
  const max = Math.max(1, ...tops) * 1.1;
  const y = (amount: number) => TOP + HEIGHT - (amount / max) * HEIGHT;
  const width = LEFT + periods.length * SLOT + 10;
  return (
    <figure className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 sm:p-5" data-testid="forecast-chart">
      <figcaption className="text-base font-semibold text-slate-900">Won and forecast by period</figcaption>
      <div className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600" aria-hidden="true">
        {FORECAST_PARTS.map((part) => (
          <span key={part.key} className="inline-flex items-center gap-1.5">
            <span className={`h-2 w-4 rounded-sm ${part.swatch}`} /> {part.label}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5">
          <span className="h-0.5 w-4 bg-slate-900" /> Target
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-3 w-1.5 rounded-sm bg-brand-500/40" /> Likely won (p10–p90)
        </span>
      </div>
      <div className="mt-3 overflow-x-auto">
        <svg
          viewBox={`0 0 ${width} ${TOP + HEIGHT + 28}`}
          className="h-64 min-w-[20rem]"
          style={{ width: `${width}px`, maxWidth: "100%" }}
          aria-hidden="true"
        >
          {[0, 0.5, 1].map((share) => (
            <g key={share}>
              <line x1={LEFT} x2={width - 10} y1={y(max * share)} y2={y(max * share)} className="stroke-slate-200" strokeWidth={1} />
              <text x={LEFT - 6} y={y(max * share) + 4} textAnchor="end" className="fill-slate-500 text-[10px]">
                {formatMoney(String(Math.round(max * share)), currency, { compact: true })}
              </text>
            </g>
          ))}
          {periods.map((period, i) => {
            const x = LEFT + i * SLOT + 18;
            let base = 0;
            return (
              <g key={period.key} data-period={period.key}>
                {FORECAST_PARTS.map((part) => {
                  const amount = value(period[part.key]);
                  const rect = { x, y: y(base + amount), height: Math.max(0, y(base) - y(base + amount)) };
                  base += amount;
                  return amount > 0 ? (
                    <rect key={part.key} x={rect.x} y={rect.y} width={44} height={rect.height} className={part.fill} />
                  ) : null;
                })}
                <rect
                  x={x + 52}
                  y={y(value(period.p90))}
                  width={10}
                  height={Math.max(2, y(value(period.p10)) - y(value(period.p90)))}
                  className="fill-brand-500/40"
                />
                <line
                  x1={x + 50}
                  x2={x + 64}
                  y1={y(value(period.p50))}
                  y2={y(value(period.p50))}
                  className="stroke-brand-700"
                  strokeWidth={2}
                />
                {value(period.target) > 0 ? (
                  <line
                    x1={x - 8}
                    x2={x + 70}
                    y1={y(value(period.target))}
                    y2={y(value(period.target))}
                    className="stroke-slate-900"
                    strokeWidth={2}
                    strokeDasharray="5 3"
                  />
                ) : null}
                <text x={x + 31} y={TOP + HEIGHT + 18} textAnchor="middle" className="fill-slate-600 text-[11px]">
                  {period.key}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
