import type { ReactNode } from "react";

export type DetailItem = { label: string; value: ReactNode; wide?: boolean; testId?: string };

/** A record's fields as label / value pairs, two columns from `sm` up. */
export function DetailList({ items }: { items: DetailItem[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.label} className={item.wide ? "sm:col-span-2" : undefined}>
          <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{item.label}</dt>
          <dd className="mt-1 text-sm break-words text-slate-900" data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
