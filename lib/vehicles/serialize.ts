import type { Prisma } from "@/lib/db";
import { toIsoDate } from "@/lib/clock";
import { serializeUserRef, userRefSelect } from "@/lib/quotes";
import type { VehicleOut } from "./schemas";

export const vehicleSelect = {
  id: true,
  tenantId: true,
  name: true,
  plateNumber: true,
  assignedTo: true,
  nextMaintenanceDate: true,
  createdAt: true,
  updatedAt: true,
  assignedUser: { select: userRefSelect },
} as const satisfies Prisma.VehicleSelect;

export type VehicleRow = Prisma.VehicleGetPayload<{ select: typeof vehicleSelect }>;

export function serializeVehicle(row: VehicleRow): VehicleOut {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    name: row.name,
    plate_number: row.plateNumber,
    assigned_to: row.assignedTo,
    assigned_user: row.assignedUser ? serializeUserRef(row.assignedUser) : null,
    next_maintenance_date: toIsoDate(row.nextMaintenanceDate),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
