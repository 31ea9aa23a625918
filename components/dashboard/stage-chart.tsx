import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { STAGES, type PipelineSummaryOut } from "@/lib/opportunities/browser";
import { formatMoney } from "@/lib/money";
import { STAGE_ACCENT, STAGE_LABEL } from "@/components/opportunities/stage-meta";

/**
 * Count and value per stage as horizontal bars (plain HTML, so it reads without a chart library and scales to
 * any width). Bar lengths are only a picture of the figures printed beside them.
 */
export function StageChart({ byStage, currency }: { byStage: PipelineSummaryOut["by_stage"]; currency: string }) {
  const maxCount = Math.max(1, ...STAGES.map((stage) => byStage[stage].count));
  const maxValue = Math.max(1, ...STAGES.map((stage) => Number(byStage[stage].total_value)));
  const width = (part: number, whole: number) => `${Math.max(part > 0 ? 2 : 0, (part / whole) * 100)}%`;
  return (
    <figure aria-labelledby="stage-chart-title" className="rounded-xl border border-slate-200 bg-white p-5">
      <figcaption id="stage-chart-title" className="text-base font-semibold">
        Deals by stage
      </figcaption>
      <div className="mt-1 flex gap-4 text-xs text-slate-600" aria-hidden="true">
        <span className="inline-flex items-center gap-1.5">
          <span className="h-2 w-4 rounded-sm bg-slate-700" /> Count
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="h-2 w-4 rounded-sm bg-brand-500" /> Value
        </span>
      </div>
      <ul className="mt-4 space-y-4">
        {STAGES.map((stage: OpportunityStage) => {
          const totals = byStage[stage];
          return (
            <li key={stage} className="grid grid-cols-[6.5rem_1fr] items-center gap-x-3 gap-y-1 sm:grid-cols-[8rem_1fr]">
              <span className="row-span-2 flex items-center gap-2 text-sm font-medium text-slate-800">
                <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${STAGE_ACCENT[stage]}`} />
                {STAGE_LABEL[stage]}
              </span>
              <span className="flex items-center gap-2">
                <span className="h-2.5 rounded-sm bg-slate-700" style={{ width: width(totals.count, maxCount) }} aria-hidden="true" />
                <span className="text-xs whitespace-nowrap text-slate-700 tabular-nums">
                  {totals.count} <span className="sr-only">deals</span>
                </span>
              </span>
              <span className="flex items-center gap-2">
                <span
                  className="h-2.5 rounded-sm bg-brand-500"
                  style={{ width: width(Number(totals.total_value), maxValue) }}
                  aria-hidden="true"
                />
                <span className="text-xs whitespace-nowrap text-slate-700 tabular-nums" title={formatMoney(totals.total_value, currency)}>
                  <span aria-hidden="true">{formatMoney(totals.total_value, currency, { compact: true })}</span>
                  <span className="sr-only">value {formatMoney(totals.total_value, currency)}</span>
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
