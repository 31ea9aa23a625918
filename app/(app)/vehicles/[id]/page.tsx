import type { Metadata } from "next";
import Link from "next/link";
import { seesWholeTenant } from "@/lib/scope";
import { formatInstant } from "@/lib/clock";
import { DeleteButton } from "@/components/ui/delete-button";
import { DetailList } from "@/components/ui/detail-list";
import { secondaryLinkClass } from "@/components/ui/list-ui";
import { LocalTime } from "@/components/ui/local-time";
import { RecordHeader } from "@/components/ui/record-header";
import { deleteVehicleAction } from "../actions";
import { maintenanceStateToday, NextMaintenance } from "../maintenance";
import { loadVehicle } from "./load";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { record } = await loadVehicle((await params).id);
  return { title: record.name };
}

export default async function VehiclePage({ params }: Params) {
  const { scope, record: vehicle } = await loadVehicle((await params).id);
  return (
    <div className="space-y-6">
      <RecordHeader
        list={{ href: "/vehicles", label: "Vehicles" }}
        title={vehicle.name}
        meta={<span className="font-mono">{vehicle.plate_number}</span>}
        actions={
          <>
            <Link href={`/vehicles/${vehicle.id}/edit`} className={secondaryLinkClass}>
              Edit
            </Link>
            {seesWholeTenant(scope) ? (
              <DeleteButton
                noun="vehicle"
                message={`${vehicle.name} (${vehicle.plate_number}) will be removed from the fleet and its maintenance checks.`}
                remove={deleteVehicleAction.bind(null, vehicle.id)}
              />
            ) : null}
          </>
        }
      />
      <section aria-labelledby="vehicle-details" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="vehicle-details" className="mb-4 text-base font-semibold">
          Details
        </h2>
        <DetailList
          items={[
            {
              label: "Next maintenance",
              value: (
                <NextMaintenance date={vehicle.next_maintenance_date} state={maintenanceStateToday()(vehicle.next_maintenance_date)} />
              ),
            },
            { label: "Assigned to", value: vehicle.assigned_user?.name ?? "Unassigned" },
            { label: "Plate number", value: <span className="font-mono">{vehicle.plate_number}</span> },
            { label: "Added", value: <LocalTime iso={vehicle.created_at} fallback={formatInstant(vehicle.created_at)} /> },
          ]}
        />
      </section>
    </div>
  );
}
