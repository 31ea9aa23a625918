import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

type Option = { value: string; label: string };

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

export function FilterSelect({
  id,
  label,
  name,
  value,
  allLabel,
  options,
}: {
  id: string;
  label: string;
  name: string;
  value?: string;
  allLabel: string;
  options: Option[];
}) {
  return (
    <div className="sm:min-w-40">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={controlClass}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SearchField({
  id,
  label,
  name,
  value,
  placeholder,
}: {
  id: string;
  label: string;
  name: string;
  value?: string;
  placeholder?: string;
}) {
  return (
    <div className="sm:min-w-56">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={value ?? ""}
        placeholder={placeholder}
        maxLength={200}
        className={controlClass}
      />
    </div>
  );
}
