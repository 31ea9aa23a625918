import { STAGES } from "@/lib/opportunities";
import type { PipelineSummaryOut } from "@/lib/opportunities/browser";
import { formatMoney, formatPercent } from "@/lib/money";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";

/** The by-stage numbers of the summary, exactly as the API returns them; on a phone it scrolls sideways and says so. */
export function StageTable({ summary }: { summary: PipelineSummaryOut }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white">
      <h2 id="stage-table-title" className="px-3 pt-4 text-base font-semibold text-slate-900 sm:px-5">
        By stage
      </h2>
      <p className="px-3 pt-1 text-xs text-slate-600 sm:hidden" id="stage-table-hint">
        Swipe the table sideways to see every column.
      </p>
      {/* Focusable, so keyboard users can scroll it too when it is wider than the screen. */}
      <div
        role="region"
        aria-labelledby="stage-table-title"
        aria-describedby="stage-table-hint"
        tabIndex={0}
        className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        <table className="w-full min-w-[30rem] text-left text-sm [&_td]:px-3 sm:[&_td]:px-5 [&_th]:px-3 sm:[&_th]:px-5">
          <caption className="sr-only">Deals, total and weighted value and average probability by stage</caption>
          <thead className="text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr className="border-b border-slate-100">
              <th scope="col" className="px-5 py-3">
                Stage
              </th>
              <th scope="col" className="px-5 py-3 text-right">
                Deals
              </th>
              <th scope="col" className="px-5 py-3 text-right">
                Total value
              </th>
              <th scope="col" className="px-5 py-3 text-right">
                Weighted value
              </th>
              <th scope="col" className="px-5 py-3 text-right">
                Avg. probability
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {STAGES.map((stage) => {
              const row = summary.by_stage[stage];
              return (
                <tr key={stage} data-testid={`stage-row-${stage}`}>
                  <th scope="row" className="px-5 py-2.5 font-medium text-slate-800">
                    {STAGE_LABEL[stage]}
                  </th>
                  <td className="px-5 py-2.5 text-right tabular-nums" data-field="count" data-value={row.count}>
                    {row.count}
                  </td>
                  <td className="px-5 py-2.5 text-right tabular-nums" data-field="total_value" data-value={row.total_value}>
                    {formatMoney(row.total_value, summary.base_currency)}
                  </td>
                  <td className="px-5 py-2.5 text-right tabular-nums" data-field="weighted_value" data-value={row.weighted_value}>
                    {formatMoney(row.weighted_value, summary.base_currency)}
                  </td>
                  <td className="px-5 py-2.5 text-right tabular-nums" data-field="average_probability" data-value={row.average_probability}>
                    {formatPercent(row.average_probability)}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot className="border-t border-slate-200 font-semibold">
            <tr>
              <th scope="row" className="px-5 py-3">
                All stages
              </th>
              <td className="px-5 py-3 text-right tabular-nums">{summary.total_opportunities}</td>
              <td className="px-5 py-3 text-right tabular-nums">{formatMoney(summary.total_value, summary.base_currency)}</td>
              <td className="px-5 py-3 text-right tabular-nums">{formatMoney(summary.weighted_value, summary.base_currency)}</td>
              <td className="px-5 py-3" />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
