import type { Period } from "@/lib/analytics/browser";
import { formatDay } from "@/lib/clock";
import { Button } from "@/components/ui/button";

const LABELS: Record<Period, string> = { month: "This month", quarter: "This quarter", year: "This year", custom: "Custom" };

/** A GET form: the period (and for a custom one its days) become the dashboard's URL; works without JavaScript. */
export function PeriodPicker({ period, from, to, owner }: { period: Period; from: string; to: string; owner?: string }) {
  return (
    <form
      action="/dashboard"
      method="get"
      className="flex min-w-0 flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
      aria-label="Report period"
    >
      {owner ? <input type="hidden" name="owner" value={owner} /> : null}
      <label className="text-sm font-medium text-slate-700">
        Period
        <select name="period" defaultValue={period} className="mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm">
          {(Object.keys(LABELS) as Period[]).map((value) => (
            <option key={value} value={value}>
              {LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        From
        <input
          type="date"
          name="from"
          defaultValue={from}
          className="mt-1 block max-w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <label className="text-sm font-medium text-slate-700">
        To
        <input
          type="date"
          name="to"
          defaultValue={to}
          className="mt-1 block max-w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <Button type="submit">Show</Button>
      <p className="w-full text-xs text-slate-600">
        {LABELS[period]}: {formatDay(from)} to {formatDay(to)} (UTC). From and To apply with “Custom”.
      </p>
    </form>
  );
}
