import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "./button";

/** A GET form whose fields become the page's URL (client-side navigation, works without JavaScript too). */
export function FilterBar({
  action,
  label,
  clearHref,
  filtered,
  children,
}: {
  action: string;
  label: string;
  clearHref: string;
  filtered: boolean;
  children: ReactNode;
}) {
  return (
    <Form action={action} aria-label={label} className="grid grid-cols-1 items-end gap-3 sm:flex sm:flex-wrap">
      {children}
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filtered ? (
          <Link
            href={clearHref}
            className="inline-flex items-center rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100"
          >
            Clear filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
