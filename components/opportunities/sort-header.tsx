import Link from "next/link";
import type { SortField } from "@/lib/opportunities";

type SortHeaderProps = {
  label: string;
  field: SortField;
  /** The list's current `sort` ("name", "-estimated_value", …). */
  sort: string;
  /** The list's URL with `sort` set to the given value (pagination restarts). */
  hrefFor: (sort: string) => string;
  align?: "left" | "right";
};

/** A column header that sorts by its field; a second click reverses the order. */
export function SortHeader({ label, field, sort, hrefFor, align = "left" }: SortHeaderProps) {
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const next = active && !descending ? `-${field}` : field;
  return (
    <th
      scope="col"
      aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
      className={`px-4 py-3 ${align === "right" ? "text-right" : ""}`}
    >
      <Link
        href={hrefFor(next)}
        className={`inline-flex items-center gap-1 rounded hover:text-slate-900 ${active ? "text-slate-900" : ""}`}
        aria-label={`Sort by ${label.toLowerCase()}, ${next.startsWith("-") ? "descending" : "ascending"}`}
      >
        {label}
        <span aria-hidden="true" className={active ? "text-brand-600" : "text-slate-300"}>
          {active ? (descending ? "▼" : "▲") : "↕"}
        </span>
      </Link>
    </th>
  );
}
