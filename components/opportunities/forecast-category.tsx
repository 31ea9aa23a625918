import type { ForecastCategory } from "@/lib/opportunities/browser";

export const FORECAST_LABEL: Record<ForecastCategory, string> = {
  PIPELINE: "Pipeline",
  BEST_CASE: "Best case",
  COMMIT: "Commit",
  OMITTED: "Omitted",
};

const TONE: Record<ForecastCategory, string> = {
  PIPELINE: "bg-slate-100 text-slate-700",
  BEST_CASE: "bg-amber-100 text-amber-900",
  COMMIT: "bg-emerald-100 text-emerald-900",
  OMITTED: "bg-slate-50 text-slate-500 line-through",
};

/** A deal's forecast category as a small badge; "set by hand" when it does not follow the stage. */
export function ForecastBadge({ category, custom = false }: { category: ForecastCategory | null; custom?: boolean }) {
  if (!category) return <span className="text-slate-400">—</span>;
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE[category]}`}>
      {FORECAST_LABEL[category]}
      {custom ? <span className="sr-only"> (set by hand)</span> : null}
      {custom ? <span aria-hidden="true">&nbsp;•</span> : null}
    </span>
  );
}
