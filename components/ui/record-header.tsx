import Link from "next/link";
import type { ReactNode } from "react";

type RecordHeaderProps = {
  /** The list the record belongs to, for the breadcrumb. */
  list: { href: string; label: string };
  title: string;
  /** Badges and a line under the title. */
  meta?: ReactNode;
  /** Edit, delete, … */
  actions?: ReactNode;
};

/** The top of a record's page: breadcrumb back to its list, its name, and what can be done with it. */
export function RecordHeader({ list, title, meta, actions }: RecordHeaderProps) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href={list.href} className="underline underline-offset-2 hover:text-slate-900">
          {list.label}
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page" className="text-slate-900">
          {title}
        </span>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
          {meta ? <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">{meta}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </>
  );
}
