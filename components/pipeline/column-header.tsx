import { formatMoney } from "@/lib/money";
import type { BoardColumnOut } from "@/lib/opportunities/browser";
import { STAGE_ACCENT, STAGE_LABEL } from "@/components/opportunities/stage-meta";

type ColumnHeaderProps = {
  column: BoardColumnOut;
  baseCurrency: string;
  headingId: string;
  onCollapse: () => void;
};

/** A column's name, true totals (count, value, weighted value) and the button that folds it away. */
export function ColumnHeader({ column, baseCurrency, headingId, onCollapse }: ColumnHeaderProps) {
  const label = STAGE_LABEL[column.stage];
  return (
    <header className="px-3 pt-3 pb-1.5" data-testid="column-header">
      <div className="flex items-center gap-2">
        <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${STAGE_ACCENT[column.stage]}`} />
        <h2 id={headingId} className="truncate text-sm font-semibold text-slate-800">
          {label}
        </h2>
        <span
          className="ml-auto rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-700 tabular-nums"
          data-testid="column-count"
        >
          <span className="sr-only">Deals: </span>
          {column.count}
        </span>
        <button
          type="button"
          onClick={onCollapse}
          aria-expanded="true"
          aria-label={`Collapse ${label}`}
          className="-mr-1 grid h-7 w-7 shrink-0 place-items-center rounded text-slate-600 hover:bg-slate-200 hover:text-slate-900"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M12 5l-5 5 5 5" />
          </svg>
        </button>
      </div>
      <dl className="mt-1.5 grid grid-cols-2 gap-x-2 text-xs">
        <Total label="Total" testId="column-total" value={column.total_value} currency={baseCurrency} />
        <Total label="Weighted" testId="column-weighted" value={column.weighted_value} currency={baseCurrency} />
      </dl>
    </header>
  );
}

function Total({ label, testId, value, currency }: { label: string; testId: string; value: string; currency: string }) {
  return (
    <div>
      <dt className="text-[11px] tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="font-semibold text-slate-800 tabular-nums" data-testid={testId} data-value={value}>
        <span aria-hidden="true" title={formatMoney(value, currency)}>
          {formatMoney(value, currency, { compact: true })}
        </span>
        <span className="sr-only">{formatMoney(value, currency)}</span>
      </dd>
    </div>
  );
}

/** A folded column: a narrow strip with its name and count that opens it again (and still takes dropped cards). */
export function CollapsedColumnHeader({
  column,
  headingId,
  onExpand,
}: Omit<ColumnHeaderProps, "onCollapse" | "baseCurrency"> & { onExpand: () => void }) {
  const label = STAGE_LABEL[column.stage];
  return (
    <button
      type="button"
      onClick={onExpand}
      aria-expanded="false"
      aria-label={`Expand ${label} (${column.count} deals)`}
      className="flex h-full w-full flex-col items-center gap-3 rounded-xl px-1 py-3 text-slate-800 hover:bg-slate-200"
    >
      <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${STAGE_ACCENT[column.stage]}`} />
      <span className="rounded-full bg-white px-1.5 py-0.5 text-xs font-medium text-slate-700 tabular-nums" data-testid="column-count">
        {column.count}
      </span>
      <h2 id={headingId} className="text-sm font-semibold [writing-mode:vertical-rl]">
        {label}
      </h2>
    </button>
  );
}
