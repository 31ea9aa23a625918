import Link from "next/link";
import type { ReactNode } from "react";

export type RecordColumn<T> = {
  header: string;
  cell: (item: T) => ReactNode;
  align?: "end";
  /** On a phone's card: `aside` sits beside the title, `hidden` is left out; the rest are labelled lines. */
  card?: "aside" | "hidden";
};

type RecordListProps<T> = {
  /** Names the table and the card list for assistive technology. */
  label: string;
  items: T[];
  /** The record's name: the link to its page, first column and card title. */
  title: (item: T) => ReactNode;
  titleHeader: string;
  hrefOf: (item: T) => string;
  columns: RecordColumn<T>[];
  keyOf: (item: T) => string;
};

const headClass = "px-4 py-3 text-xs font-medium tracking-wide text-slate-600 uppercase";

/** A list of records: a table from `md` up, cards below it; each record's name links to its page. */
export function RecordList<T>({ label, items, title, titleHeader, hrefOf, columns, keyOf }: RecordListProps<T>) {
  return (
    <>
      <div className="hidden overflow-hidden rounded-xl border border-slate-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{label}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={headClass}>
                {titleHeader}
              </th>
              {columns.map((column) => (
                <th key={column.header} scope="col" className={`${headClass} ${column.align === "end" ? "text-right" : ""}`}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((item) => (
              <tr key={keyOf(item)} className="hover:bg-slate-50">
                <th scope="row" className="px-4 py-3 font-medium text-slate-900">
                  <Link href={hrefOf(item)} className="text-brand-700 underline-offset-2 hover:underline">
                    {title(item)}
                  </Link>
                </th>
                {columns.map((column) => (
                  <td key={column.header} className={`px-4 py-3 text-slate-700 ${column.align === "end" ? "text-right tabular-nums" : ""}`}>
                    {column.cell(item)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden" aria-label={label}>
        {items.map((item) => (
          <li
            key={keyOf(item)}
            className="relative rounded-xl border border-slate-200 bg-white p-4 focus-within:ring-2 focus-within:ring-brand-500"
          >
            <div className="flex items-start justify-between gap-3">
              <Link
                href={hrefOf(item)}
                className="min-w-0 font-medium break-words text-brand-700 after:absolute after:inset-0 focus:outline-none"
              >
                {title(item)}
              </Link>
              {columns
                .filter((column) => column.card === "aside")
                .map((column) => (
                  <span key={column.header} className="shrink-0 text-sm">
                    {column.cell(item)}
                  </span>
                ))}
            </div>
            <dl className="mt-2 space-y-1 text-sm">
              {columns
                .filter((column) => !column.card)
                .map((column) => (
                  <div key={column.header} className="flex flex-wrap gap-x-2">
                    <dt className="text-slate-600">{column.header}</dt>
                    <dd className="min-w-0 break-words text-slate-900">{column.cell(item)}</dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
