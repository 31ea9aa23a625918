import type { StageHistoryOut } from "@/lib/opportunities";
import { formatInstant } from "@/lib/clock";
import { LocalTime } from "@/components/ui/local-time";
import { STAGE_ACCENT, STAGE_LABEL } from "./stage-meta";

/** The stage changes of a deal, oldest first: who moved it where, when, and why it was lost. */
export function StageTimeline({ items }: { items: StageHistoryOut["items"] }) {
  if (items.length === 0) return <p className="mt-4 text-sm text-slate-600">No stage changes recorded.</p>;
  return (
    <ol className="mt-4 space-y-0" aria-label="Stage changes, oldest first">
      {items.map((item, index) => (
        <li key={item.id} className="relative flex gap-3 pb-5 last:pb-0">
          {index < items.length - 1 ? <span aria-hidden="true" className="absolute top-4 left-[5px] h-full w-px bg-slate-200" /> : null}
          <span
            aria-hidden="true"
            className={`relative mt-1.5 h-[11px] w-[11px] shrink-0 rounded-full ring-2 ring-white ${STAGE_ACCENT[item.to_stage]}`}
          />
          <div className="min-w-0 text-sm">
            <p className="font-medium text-slate-900">
              {item.from_stage ? (
                <>
                  {STAGE_LABEL[item.from_stage]} <span aria-hidden="true">→</span>
                  <span className="sr-only">to</span> {STAGE_LABEL[item.to_stage]}
                </>
              ) : (
                <>Created in {STAGE_LABEL[item.to_stage]}</>
              )}
            </p>
            <p className="text-xs text-slate-600">
              {item.changed_by.name} · <LocalTime iso={item.changed_at} fallback={formatInstant(item.changed_at)} />
            </p>
            {item.loss_reason ? <p className="mt-1 text-xs text-slate-700">Reason: {item.loss_reason}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
