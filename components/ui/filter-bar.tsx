"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "./button";

const SEARCH_PAUSE_MS = 500;

/** The form's filled-in fields as a query string: empty choices leave no `name=` behind. */
export function filledQuery(form: HTMLFormElement): string {
  const query = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === "string" && value.trim() !== "") query.append(key, value.trim());
  return query.toString();
}

/**
 * The filters of a list or board: a GET form whose filled-in fields become the page's URL. A choice applies as soon
 * as it is made, a search after a pause in typing (or Enter); without JavaScript, Apply submits the form. On narrow
 * screens the fields fold behind a "Filters" button so the content starts near the top.
 */
export function FilterBar({
  action,
  label,
  clearHref,
  filtered,
  activeCount,
  children,
}: {
  action: string;
  label: string;
  clearHref: string;
  filtered: boolean;
  /** How many filters are set, shown on the folding button; `filtered` alone says "on". */
  activeCount?: number;
  children: ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pause.current), []);

  // The fields follow the URL when it changes under them (Clear filters, Back): all but the one being typed in.
  const searchParams = useSearchParams();
  useEffect(() => {
    for (const element of Array.from(form.current?.elements ?? [])) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement) || element.type === "hidden") continue;
      if (element.name && element !== document.activeElement) element.value = searchParams.get(element.name) ?? "";
    }
  }, [searchParams]);

  const apply = () => {
    clearTimeout(pause.current);
    if (!form.current) return;
    const query = filledQuery(form.current);
    router.push(query ? `${action}?${query}` : action, { scroll: false });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply();
  };

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target instanceof HTMLSelectElement || target.type === "checkbox" || target.type === "radio") apply();
  };

  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (!(target instanceof HTMLInputElement) || target.type !== "search") return;
    clearTimeout(pause.current);
    pause.current = setTimeout(apply, SEARCH_PAUSE_MS);
  };

  const status = activeCount ? String(activeCount) : filtered ? "on" : undefined;
  const clear = (
    <Link
      href={clearHref}
      className="inline-flex min-h-10 items-center rounded-md px-3 text-sm font-medium text-slate-700 underline underline-offset-2 hover:bg-slate-100"
    >
      Clear filters
    </Link>
  );

  return (
    <div>
      <div className="flex items-center gap-2 md:hidden">
        <Button variant="secondary" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M3 5h18l-7 8v6l-4 2v-8z" strokeLinejoin="round" />
          </svg>
          Filters
          {status ? <span className="rounded-full bg-brand-600 px-1.5 text-xs leading-5 text-white">{status}</span> : null}
        </Button>
        {filtered && !open ? clear : null}
      </div>
      <form
        ref={form}
        id={formId}
        action={action}
        aria-label={label}
        onSubmit={onSubmit}
        onChange={onChange}
        onInput={onInput}
        className={`${open ? "grid" : "hidden"} mt-3 grid-cols-1 items-end gap-3 md:mt-0 md:flex md:flex-wrap`}
      >
        {children}
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          {filtered ? clear : null}
        </div>
      </form>
    </div>
  );
}
