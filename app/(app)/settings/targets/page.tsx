import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { systemClock, toIsoDate } from "@/lib/clock";
import { forecastPeriods, getTargets, monthInput } from "@/lib/forecast";
import { firstValues, type SearchParams } from "@/lib/http";
import { seesWholeTenant } from "@/lib/scope";
import { listUsers } from "@/lib/users";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/list-ui";
import { saveTargetsAction } from "./actions";

export const metadata: Metadata = { title: "Sales targets" };

const MONTHS_SHOWN = 6;

/** The month `n` months after `month` (YYYY-MM; n may be negative). */
function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Managers set each user's monthly targets in the base currency, six months at a time; a rep sees theirs. */
export default async function TargetsPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const manager = seesWholeTenant(scope);
  const params = firstValues(await searchParams);
  const from = monthInput.safeParse(params.from).success ? params.from! : toIsoDate(systemClock()).slice(0, 7);
  const months = forecastPeriods("month", from, MONTHS_SHOWN).map((period) => period.key);
  const [targets, users] = await Promise.all([
    getTargets(scope, { from: months[0]!, to: months.at(-1)! }),
    manager ? listUsers(scope) : Promise.resolve([]),
  ]);
  const amount = new Map(targets.items.map((item) => [`${item.user.id}:${item.month}`, item.amount]));
  const people = manager
    ? users.filter((user) => user.isActive).map((user) => ({ id: user.id, name: user.name }))
    : [{ id: scope.userId, name: "You" }];
  return (
    <div className="space-y-6">
      <PageHeader
        title="Sales targets"
        description={`Monthly targets in ${targets.base_currency}: the forecast compares won deals with them (a quarter's target is the sum of its months).`}
      />
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href="/settings" className="text-brand-700 underline underline-offset-2">
          ← Settings
        </Link>
        <Link href="/forecast" className="text-brand-700 underline underline-offset-2">
          Forecast
        </Link>
      </p>
      {params.saved !== undefined ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Targets saved.
        </p>
      ) : null}
      {params.invalid !== undefined ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          Nothing was saved: targets are amounts such as 25000 or 25000.50, at least 0.
        </p>
      ) : null}
      <nav aria-label="Months shown" className="flex gap-3 text-sm">
        <Link href={`/settings/targets?from=${addMonths(from, -MONTHS_SHOWN)}`} className="text-brand-700 underline underline-offset-2">
          ← Earlier
        </Link>
        <Link href={`/settings/targets?from=${addMonths(from, MONTHS_SHOWN)}`} className="text-brand-700 underline underline-offset-2">
          Later →
        </Link>
      </nav>
      <form action={saveTargetsAction} className="space-y-4">
        <input type="hidden" name="from" value={from} />
        <div
          className="overflow-x-auto rounded-xl border border-slate-200 bg-white"
          role="region"
          aria-labelledby="targets-caption"
          tabIndex={0}
        >
          <table className="w-full text-sm">
            <caption id="targets-caption" className="px-3 pt-3 text-left text-base font-semibold text-slate-900">
              Targets from {months[0]} to {months.at(-1)}
            </caption>
            <thead className="text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2 text-left">
                  User
                </th>
                {months.map((month) => (
                  <th key={month} scope="col" className="px-3 py-2 text-right">
                    {month}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {people.map((person) => (
                <tr key={person.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap text-slate-900">
                    {person.name}
                  </th>
                  {months.map((month) => {
                    const key = `${person.id}:${month}`;
                    const shown = amount.get(key) ?? "";
                    return (
                      <td key={month} className="px-3 py-2 text-right">
                        {manager ? (
                          <>
                            <input type="hidden" name={`was:${key}`} value={shown || "0"} />
                            <input
                              name={`amount:${key}`}
                              defaultValue={shown}
                              inputMode="decimal"
                              aria-label={`${person.name}, ${month}`}
                              placeholder="0"
                              className="w-28 rounded-md border border-slate-300 px-2 py-1 text-right tabular-nums"
                            />
                          </>
                        ) : (
                          <span className="tabular-nums">{shown || "—"}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {manager ? <Button type="submit">Save targets</Button> : null}
      </form>
    </div>
  );
}
