import { db, Prisma, queryRows } from "@/lib/db";
import type { Scope } from "@/lib/scope";
import { type PageRequest, skipTake } from "@/lib/http";
import { maintenanceDueSql } from "./rules-sql";
import { vehicleSelect, type VehicleRow } from "./serialize";

export type VehicleFilter = { dueOnOrBefore?: Date };

export type VehicleData = { name: string; plateNumber: string; assignedTo: string | null; nextMaintenanceDate: Date };

function liveWhere(scope: Scope): Prisma.VehicleWhereInput {
  return { tenantId: scope.tenantId, isDeleted: false };
}

/** How many of the tenant's live vehicles are due for maintenance by `soonLimit` (YYYY-MM-DD), overdue included. */
export async function countMaintenanceDue(scope: Scope, soonLimit: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    Prisma.sql`SELECT count(*)::int AS count FROM vehicles v
      WHERE v.tenant_id = ${scope.tenantId}::uuid AND v.is_deleted = false AND ${maintenanceDueSql(soonLimit)}`,
  );
  return row?.count ?? 0;
}

export async function listVehicles(scope: Scope, filter: VehicleFilter, page: PageRequest): Promise<{ rows: VehicleRow[]; total: number }> {
  const where: Prisma.VehicleWhereInput = {
    ...liveWhere(scope),
    ...(filter.dueOnOrBefore ? { nextMaintenanceDate: { lte: filter.dueOnOrBefore } } : {}),
  };
  const [rows, total] = await Promise.all([
    db().vehicle.findMany({
      where,
      select: vehicleSelect,
      orderBy: [{ nextMaintenanceDate: "asc" }, { name: "asc" }, { id: "asc" }],
      ...skipTake(page),
    }),
    db().vehicle.count({ where }),
  ]);
  return { rows, total };
}

export function findVehicle(scope: Scope, id: string): Promise<VehicleRow | null> {
  return db().vehicle.findFirst({ where: { ...liveWhere(scope), id }, select: vehicleSelect });
}

export function insertVehicle(scope: Scope, data: VehicleData): Promise<VehicleRow> {
  return db().vehicle.create({ data: { ...data, tenantId: scope.tenantId }, select: vehicleSelect });
}

/** Applies the changes to a live vehicle of the tenant; null when there is none. */
export async function updateVehicleRow(scope: Scope, id: string, changes: Partial<VehicleData>): Promise<VehicleRow | null> {
  const { count } = await db().vehicle.updateMany({ where: { ...liveWhere(scope), id }, data: changes });
  return count === 0 ? null : findVehicle(scope, id);
}

export async function softDeleteVehicle(scope: Scope, id: string, now: Date): Promise<boolean> {
  const { count } = await db().vehicle.updateMany({ where: { ...liveWhere(scope), id }, data: { isDeleted: true, deletedAt: now } });
  return count > 0;
}
