import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth";
import { vehicleAssigneeChoices } from "@/lib/vehicles";
import { PageHeader } from "@/components/ui/list-ui";
import { createVehicleAction } from "../actions";
import { VehicleForm } from "../vehicle-form";

export const metadata: Metadata = { title: "New vehicle" };

export default async function NewVehiclePage() {
  const scope = await requirePageScope();
  const users = await vehicleAssigneeChoices(scope);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="New vehicle" />
      <VehicleForm action={createVehicleAction} submitLabel="Create vehicle" cancelHref="/vehicles" users={users} />
    </div>
  );
}
