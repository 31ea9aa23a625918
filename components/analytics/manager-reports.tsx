import type { FunnelOut, VelocityOut, WaterfallOut, WinLossOut } from "@/lib/analytics/browser";
import { formatMoney, formatPercent } from "@/lib/money";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";
import { ReportFigure } from "./report-figure";

export type Reports = { funnel: FunnelOut; byRep: WinLossOut; byReason: WinLossOut; velocity: VelocityOut; waterfall: WaterfallOut };

const days = (value: string | null) => (value === null ? "—" : `${value} d`);
const file = (name: string, r: { from: string; to: string }) => `${name}-${r.from}-${r.to}.csv`;

/** The managers' reports of a period (a rep's own numbers for a rep): each a chart, its table and its CSV. */
export function ManagerReports({ funnel, byRep, byReason, velocity, waterfall }: Reports) {
  const currency = byRep.base_currency;
  const money = (value: string) => formatMoney(value, currency);
  const compact = (value: string) => formatMoney(value, currency, { compact: true });
  const steps = [
    ["Start", waterfall.start, 1],
    ["Created", waterfall.created, 1],
    ["Pulled in", waterfall.pulled_in, 1],
    ["Pushed out", waterfall.pushed_out, -1],
    ["Value changed", waterfall.value_changed, 1],
    ["Won", waterfall.won, -1],
    ["Lost", waterfall.lost, -1],
    ["Deleted", waterfall.deleted, -1],
    ["End", waterfall.end, 1],
  ] as const;
  return (
    <section aria-labelledby="reports-title" className="space-y-6">
      <h2 id="reports-title" className="text-lg font-semibold text-slate-900">
        Reports
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="velocity">
        {[
          ["Open deals", String(velocity.open_deals)],
          ["Mean won deal", money(velocity.mean_deal_size)],
          ["Win rate", formatPercent(velocity.win_rate)],
          ["Mean cycle", days(velocity.mean_cycle_days)],
          ["Sales velocity", `${money(velocity.velocity)} / day`],
        ].map(([term, value]) => (
          <div key={term} className="rounded-xl border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-600">{term}</dt>
            <dd className="mt-1 text-base font-semibold text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <ReportFigure
          id="report-funnel"
          title="Funnel"
          description="Deals that entered each stage in the period, how many moved on, and how long they stayed."
          legend={[
            { label: "Entered", className: "bg-slate-700" },
            { label: "Moved on", className: "bg-brand-500" },
          ]}
          bars={funnel.stages.map((s) => ({
            label: STAGE_LABEL[s.stage],
            parts: [
              { value: s.entered, className: "bg-slate-700", text: `${s.entered} entered` },
              { value: s.moved_on, className: "bg-brand-500", text: `${s.moved_on} moved on (${formatPercent(s.conversion_rate)})` },
            ],
          }))}
          table={{
            head: ["Stage", "Entered", "Moved on", "Conversion", "Win rate", "Median days", "Mean days"],
            rows: funnel.stages.map((s) => [
              STAGE_LABEL[s.stage],
              String(s.entered),
              String(s.moved_on),
              formatPercent(s.conversion_rate),
              formatPercent(s.win_rate),
              days(s.median_days_in_stage),
              days(s.mean_days_in_stage),
            ]),
          }}
          csv={{
            name: file("funnel", funnel),
            rows: [
              ["stage", "entered", "moved_on", "conversion_rate", "won", "lost", "win_rate", "median_days_in_stage", "mean_days_in_stage"],
              ...funnel.stages.map((s) => [
                s.stage,
                s.entered,
                s.moved_on,
                s.conversion_rate,
                s.won,
                s.lost,
                s.win_rate,
                s.median_days_in_stage,
                s.mean_days_in_stage,
              ]),
            ],
          }}
        />
        <ReportFigure
          id="report-waterfall"
          title="Pipeline waterfall"
          description={`Open deals due by the period's end: how the pipeline moved from its start to its end (${currency}).`}
          bars={steps.map(([label, step, sign]) => ({
            label,
            parts: [
              {
                value: Number(step.value),
                className:
                  label === "Start" || label === "End"
                    ? "bg-slate-700"
                    : sign < 0 || step.value.startsWith("-")
                      ? "bg-red-500"
                      : "bg-emerald-500",
                text: `${sign < 0 ? "−" : ""}${compact(step.value)} · ${step.count}`,
              },
            ],
          }))}
          table={{
            head: ["Step", "Deals", "Value"],
            rows: steps.map(([label, step, sign]) => [label, String(step.count), `${sign < 0 ? "−" : ""}${money(step.value)}`]),
          }}
          csv={{
            name: file("waterfall", waterfall),
            rows: [["step", "count", "value"], ...steps.map(([label, step]) => [label, step.count, step.value])],
          }}
        />
        <ReportFigure
          id="report-win-loss-reason"
          title="Lost deals by reason"
          legend={[{ label: "Lost value", className: "bg-red-500" }]}
          bars={byReason.groups.map((g) => ({
            label: g.label,
            parts: [{ value: Number(g.lost_value), className: "bg-red-500", text: `${compact(g.lost_value)} · ${g.lost} lost` }],
          }))}
          table={{
            head: ["Reason", "Lost", "Lost value"],
            rows: byReason.groups.map((g) => [g.label, String(g.lost), money(g.lost_value)]),
          }}
          csv={{
            name: file("loss-reasons", byReason),
            rows: [["reason", "lost", "lost_value"], ...byReason.groups.map((g) => [g.label, g.lost, g.lost_value])],
          }}
        />
        <ReportFigure
          id="report-leaderboard"
          title="Rep leaderboard"
          description="Won and lost in the period by rep: win rate, mean sales cycle and close-date slips."
          legend={[
            { label: "Won value", className: "bg-emerald-500" },
            { label: "Lost value", className: "bg-red-500" },
          ]}
          bars={byRep.groups.map((g) => ({
            label: g.label,
            parts: [
              { value: Number(g.won_value), className: "bg-emerald-500", text: `${compact(g.won_value)} · ${g.won} won` },
              { value: Number(g.lost_value), className: "bg-red-500", text: `${compact(g.lost_value)} · ${g.lost} lost` },
            ],
          }))}
          table={{
            head: ["Rep", "Won", "Won value", "Lost", "Win rate", "Mean cycle", "Slips"],
            rows: byRep.groups.map((g) => [
              g.label,
              String(g.won),
              money(g.won_value),
              String(g.lost),
              formatPercent(g.win_rate),
              days(g.mean_cycle_days),
              String(g.close_date_pushes),
            ]),
          }}
          csv={{
            name: file("win-loss-by-rep", byRep),
            rows: [
              ["rep", "won", "won_value", "lost", "lost_value", "win_rate", "mean_cycle_days", "close_date_pushes"],
              ...byRep.groups.map((g) => [
                g.label,
                g.won,
                g.won_value,
                g.lost,
                g.lost_value,
                g.win_rate,
                g.mean_cycle_days,
                g.close_date_pushes,
              ]),
            ],
          }}
        />
      </div>
    </section>
  );
}
