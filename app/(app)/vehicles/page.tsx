import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { addDays, formatDay, systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { listVehiclePage, MAINTENANCE_DUE_SOON_DAYS, maintenanceState, type MaintenanceState, vehicleListQuery } from "@/lib/vehicles";
import { Badge, buttonLinkClass, EmptyState, PageHeader, Pagination, secondaryLinkClass } from "@/components/ui/list-ui";
import { firstValues, listQueryFrom, pageSizeParam, type SearchParams } from "@/lib/http";

export const metadata: Metadata = { title: "Vehicles" };

export default async function VehiclesPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const query = listQueryFrom(vehicleListQuery, firstValues(await searchParams));
  const clock = systemClock;
  const result = await listVehiclePage(scope, query, clock);
  const today = utcDate(clock());
  const stateOf = (date: string) => maintenanceState(date, toIsoDate(today), toIsoDate(addDays(today, MAINTENANCE_DUE_SOON_DAYS)));
  const dueOnly = query.due_within_days !== undefined;
  const params = { due_within_days: dueOnly ? String(query.due_within_days) : undefined, page_size: pageSizeParam(query) };
  return (
    <div className="space-y-6">
      <PageHeader
        title="Vehicles"
        description="Your company's fleet, soonest maintenance first."
        action={
          <Link href="/vehicles/new" className={buttonLinkClass}>
            New vehicle
          </Link>
        }
      />
      <div role="group" className="flex flex-wrap gap-2" aria-label="Filter vehicles">
        <Link
          href="/vehicles"
          aria-current={!dueOnly ? "page" : undefined}
          className={`${secondaryLinkClass} aria-[current=page]:border-brand-500 aria-[current=page]:text-brand-700`}
        >
          All vehicles
        </Link>
        <Link
          href={`/vehicles?due_within_days=${MAINTENANCE_DUE_SOON_DAYS}`}
          aria-current={dueOnly ? "page" : undefined}
          className={`${secondaryLinkClass} aria-[current=page]:border-brand-500 aria-[current=page]:text-brand-700`}
        >
          Due within {MAINTENANCE_DUE_SOON_DAYS} days
        </Link>
      </div>
      {result.items.length === 0 ? (
        <EmptyState title={result.total > 0 ? "Nothing on this page" : dueOnly ? "No maintenance due soon" : "No vehicles yet"}>
          {result.total > 0 || dueOnly ? (
            <Link href="/vehicles" className="text-brand-600 hover:underline">
              Show all vehicles
            </Link>
          ) : (
            <Link href="/vehicles/new" className="text-brand-600 hover:underline">
              Add your first vehicle
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <table className="hidden w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-left text-sm md:table">
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Vehicle
                </th>
                <th scope="col" className="px-4 py-3">
                  Plate
                </th>
                <th scope="col" className="px-4 py-3">
                  Assigned to
                </th>
                <th scope="col" className="px-4 py-3">
                  Next maintenance
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((vehicle) => (
                <tr key={vehicle.id}>
                  <td className="px-4 py-3 font-medium text-slate-900">{vehicle.name}</td>
                  <td className="px-4 py-3 font-mono text-slate-700">{vehicle.plate_number}</td>
                  <td className="px-4 py-3 text-slate-700">{vehicle.assigned_user?.name ?? "Unassigned"}</td>
                  <td className="px-4 py-3">
                    <NextMaintenance date={vehicle.next_maintenance_date} state={stateOf(vehicle.next_maintenance_date)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="space-y-3 md:hidden" aria-label="Vehicles">
            {result.items.map((vehicle) => (
              <li key={vehicle.id} className="rounded-xl border border-slate-200 bg-white p-4">
                <div className="flex items-start justify-between gap-3">
                  <p className="font-medium text-slate-900">{vehicle.name}</p>
                  <span className="font-mono text-sm text-slate-600">{vehicle.plate_number}</span>
                </div>
                <p className="mt-1 text-sm text-slate-600">{vehicle.assigned_user?.name ?? "Unassigned"}</p>
                <div className="mt-2 text-sm">
                  <NextMaintenance date={vehicle.next_maintenance_date} state={stateOf(vehicle.next_maintenance_date)} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination
        basePath="/vehicles"
        params={params}
        page={result.page}
        totalPages={result.total_pages}
        total={result.total}
        noun="vehicles"
      />
    </div>
  );
}

function NextMaintenance({ date, state }: { date: string; state: MaintenanceState }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <time dateTime={date} className={state === "overdue" ? "text-red-700" : state === "due-soon" ? "text-amber-800" : "text-slate-700"}>
        {formatDay(date)}
      </time>
      {state === "overdue" ? <Badge tone="red">Overdue</Badge> : null}
      {state === "due-soon" ? <Badge tone="amber">Due soon</Badge> : null}
    </span>
  );
}
