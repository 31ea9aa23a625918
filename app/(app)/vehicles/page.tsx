import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { systemClock } from "@/lib/clock";
import { listVehiclePage, MAINTENANCE_DUE_SOON_DAYS, vehicleListQuery } from "@/lib/vehicles";
import { buttonLinkClass, EmptyState, PageHeader, Pagination, secondaryLinkClass } from "@/components/ui/list-ui";
import { RecordList } from "@/components/ui/record-list";
import { firstValues, listQueryFrom, pageSizeParam, type SearchParams } from "@/lib/http";
import { maintenanceStateToday, NextMaintenance } from "./maintenance";

export const metadata: Metadata = { title: "Vehicles" };

const filterLinkClass = `${secondaryLinkClass} aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700`;

export default async function VehiclesPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const query = listQueryFrom(vehicleListQuery, firstValues(await searchParams));
  const result = await listVehiclePage(scope, query, systemClock);
  const stateOf = maintenanceStateToday();
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
        <Link href="/vehicles" aria-current={!dueOnly ? "page" : undefined} className={filterLinkClass}>
          All vehicles
        </Link>
        <Link
          href={`/vehicles?due_within_days=${MAINTENANCE_DUE_SOON_DAYS}`}
          aria-current={dueOnly ? "page" : undefined}
          className={filterLinkClass}
        >
          Due within {dueOnly ? query.due_within_days : MAINTENANCE_DUE_SOON_DAYS} days
        </Link>
      </div>
      {result.items.length === 0 ? (
        <EmptyState title={result.total > 0 ? "Nothing on this page" : dueOnly ? "No maintenance due soon" : "No vehicles yet"}>
          {result.total > 0 || dueOnly ? (
            <Link href="/vehicles" className="text-brand-700 underline underline-offset-2">
              Show all vehicles
            </Link>
          ) : (
            <Link href="/vehicles/new" className="text-brand-700 underline underline-offset-2">
              Add your first vehicle
            </Link>
          )}
        </EmptyState>
      ) : (
        <RecordList
          label="Vehicles"
          items={result.items}
          keyOf={(vehicle) => vehicle.id}
          titleHeader="Vehicle"
          title={(vehicle) => vehicle.name}
          hrefOf={(vehicle) => `/vehicles/${vehicle.id}`}
          columns={[
            { header: "Plate", card: "aside", cell: (vehicle) => <span className="font-mono">{vehicle.plate_number}</span> },
            { header: "Assigned to", cell: (vehicle) => vehicle.assigned_user?.name ?? "Unassigned" },
            {
              header: "Next maintenance",
              cell: (vehicle) => <NextMaintenance date={vehicle.next_maintenance_date} state={stateOf(vehicle.next_maintenance_date)} />,
            },
          ]}
        />
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
