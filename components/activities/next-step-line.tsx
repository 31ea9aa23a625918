import { formatInstant } from "@/lib/clock";
import type { BoardCardOut } from "@/lib/opportunities/browser";
import { ACTIVITY_LABEL } from "./activity-meta";

/** A card's next step: red when overdue; a hint when an open deal has none. */
export function NextStepLine({ next, open }: { next: BoardCardOut["nx"]; open: boolean }) {
  if (!next) return open ? <p className="mt-1 text-xs text-slate-500 italic">No next step</p> : null;
  const overdue = next.d !== undefined && next.d < new Date().toISOString();
  return (
    <p className={`mt-1 truncate text-xs ${overdue ? "font-medium text-red-700" : "text-slate-600"}`} title={next.s}>
      <span className="sr-only">{overdue ? "Overdue next step: " : "Next step: "}</span>
      {ACTIVITY_LABEL[next.t]} · {next.s}
      {next.d ? (
        <>
          {" · "}
          <time dateTime={next.d}>{formatInstant(next.d)}</time>
        </>
      ) : null}
    </p>
  );
}
