import type { Metadata } from "next";
import { vehicleAssigneeChoices } from "@/lib/vehicles";
import { PageHeader } from "@/components/ui/list-ui";
import { updateVehicleAction } from "../../actions";
import { VehicleForm } from "../../vehicle-form";
import { loadVehicle } from "../load";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { record } = await loadVehicle((await params).id);
  return { title: `Edit ${record.name}` };
}

export default async function EditVehiclePage({ params }: Params) {
  const { scope, record: vehicle } = await loadVehicle((await params).id);
  const users = await vehicleAssigneeChoices(scope);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Edit vehicle" description={vehicle.name} />
      <VehicleForm
        action={updateVehicleAction.bind(null, vehicle.id)}
        submitLabel="Save changes"
        cancelHref={`/vehicles/${vehicle.id}`}
        users={users}
        defaults={{
          name: vehicle.name,
          plate_number: vehicle.plate_number,
          assigned_to: vehicle.assigned_to ?? "",
          next_maintenance_date: vehicle.next_maintenance_date,
        }}
      />
    </div>
  );
}
