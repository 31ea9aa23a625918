import { toCsv } from "@/lib/analytics/browser";

export type BarPart = { value: number; className: string; text: string };
export type ReportFigureProps = {
  id: string;
  title: string;
  description?: string;
  legend?: { label: string; className: string }[];
  bars: { label: string; parts: BarPart[] }[];
  /** The table behind the chart: its header row, then one row per bar (or more). Also what the CSV holds. */
  table: { head: string[]; rows: string[][] };
  /** The CSV's rows (exact decimals, no currency symbols) and its file name. */
  csv: { name: string; rows: ReadonlyArray<ReadonlyArray<string | number | null>> };
};

/**
 * A chart as plain HTML bars (hidden from screen readers: the table below carries the same figures), its table in a
 * sideways-scrolling region on phones, and a CSV download of the table.
 */
export function ReportFigure({ id, title, description, legend, bars, table, csv }: ReportFigureProps) {
  const max = Math.max(1, ...bars.flatMap((bar) => bar.parts.map((part) => Math.abs(part.value))));
  const width = (value: number) => `${value === 0 ? 0 : Math.max(2, (Math.abs(value) / max) * 100)}%`;
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(csv.rows))}`;
  return (
    <figure aria-labelledby={`${id}-title`} className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 sm:p-5" data-testid={id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <figcaption id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </figcaption>
        <a href={href} download={csv.name} className="text-sm text-brand-700 underline underline-offset-2">
          Download CSV<span className="sr-only"> of {title}</span>
        </a>
      </div>
      {description ? <p className="mt-1 text-xs text-slate-600">{description}</p> : null}
      {legend ? (
        <div className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600" aria-hidden="true">
          {legend.map((item) => (
            <span key={item.label} className="inline-flex items-center gap-1.5">
              <span className={`h-2 w-4 rounded-sm ${item.className}`} /> {item.label}
            </span>
          ))}
        </div>
      ) : null}
      <ul className="mt-4 space-y-3" aria-hidden="true">
        {bars.map((bar) => (
          <li
            key={bar.label}
            className="grid grid-cols-[6rem_minmax(0,1fr)] items-center gap-x-3 gap-y-1 sm:grid-cols-[9rem_minmax(0,1fr)]"
          >
            <span className="truncate text-sm font-medium text-slate-800" style={{ gridRow: `span ${bar.parts.length}` }} title={bar.label}>
              {bar.label}
            </span>
            {bar.parts.map((part, i) => (
              <span key={i} className="flex min-w-0 flex-wrap items-center gap-x-2">
                {/* The bar is a share of its own track, so a long figure beside it never widens the page. */}
                <span className="min-w-16 flex-1">
                  <span className={`block h-2.5 rounded-sm ${part.className}`} style={{ width: width(part.value) }} />
                </span>
                <span className="text-xs text-slate-700 tabular-nums">{part.text}</span>
              </span>
            ))}
          </li>
        ))}
      </ul>
      <div
        role="region"
        aria-labelledby={`${id}-title`}
        tabIndex={0}
        className="mt-4 overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        <table className="w-full min-w-[28rem] text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr className="border-b border-slate-100">
              {table.head.map((cell, i) => (
                <th key={cell} scope="col" className={`px-2 py-2 ${i === 0 ? "" : "text-right"}`}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-2 py-2 font-medium text-slate-800">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="px-2 py-2 text-right tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
