import { MANAGER_ROLES, requireRole, type Scope } from "@/lib/scope";
import { addDays, systemClock, utcDate, type Clock } from "@/lib/clock";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { type Page, pageOf } from "@/lib/http";
import { isActiveTenantUser, listUsers } from "@/lib/users";
import { findVehicle, insertVehicle, listVehicles, softDeleteVehicle, updateVehicleRow, type VehicleData } from "./repository";
import type { CreateVehicleInput, UpdateVehicleInput, VehicleListQuery, VehicleOut } from "./schemas";
import { serializeVehicle } from "./serialize";

export async function listVehiclePage(scope: Scope, query: VehicleListQuery, clock: Clock = systemClock): Promise<Page<VehicleOut>> {
  const dueOnOrBefore = query.due_within_days === undefined ? undefined : addDays(utcDate(clock()), query.due_within_days);
  const { rows, total } = await listVehicles(scope, { dueOnOrBefore }, query);
  return pageOf(rows.map(serializeVehicle), total, query);
}

export async function getVehicle(scope: Scope, id: string): Promise<VehicleOut> {
  const row = await findVehicle(scope, id);
  if (!row) throw new NotFoundError("Vehicle");
  return serializeVehicle(row);
}

export async function createVehicle(scope: Scope, input: CreateVehicleInput): Promise<VehicleOut> {
  const assignedTo = input.assigned_to ?? null;
  await checkAssignee(scope, assignedTo);
  const row = await insertVehicle(scope, {
    name: input.name,
    plateNumber: input.plate_number,
    assignedTo,
    nextMaintenanceDate: input.next_maintenance_date,
  });
  return serializeVehicle(row);
}

/** Partial update: omitted fields stay; `assigned_to: null` unassigns. */
export async function updateVehicle(scope: Scope, id: string, input: UpdateVehicleInput): Promise<VehicleOut> {
  if (!(await findVehicle(scope, id))) throw new NotFoundError("Vehicle");
  await checkAssignee(scope, input.assigned_to);
  const changes: Partial<VehicleData> = {
    name: input.name,
    plateNumber: input.plate_number,
    assignedTo: input.assigned_to,
    nextMaintenanceDate: input.next_maintenance_date,
  };
  const row = await updateVehicleRow(scope, id, changes);
  if (!row) throw new NotFoundError("Vehicle");
  return serializeVehicle(row);
}

/** Soft delete; admins and supervisors only. */
export async function deleteVehicle(scope: Scope, id: string, clock: Clock = systemClock): Promise<void> {
  requireRole(scope, MANAGER_ROLES);
  if (!(await softDeleteVehicle(scope, id, clock()))) throw new NotFoundError("Vehicle");
}

async function checkAssignee(scope: Scope, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  if (!(await isActiveTenantUser(scope, userId))) throw ValidationError.field("assigned_to", "must be an active user of your company");
}

/** Active users a vehicle can be assigned to, for the create form. */
export async function vehicleAssigneeChoices(scope: Scope): Promise<{ id: string; name: string }[]> {
  const users = await listUsers(scope);
  return users.filter((u) => u.isActive).map((u) => ({ id: u.id, name: u.name }));
}
