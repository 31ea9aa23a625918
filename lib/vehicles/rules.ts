/** When a vehicle needs maintenance. SQL twins in rules-sql.ts. Dates are `YYYY-MM-DD`. */

export const MAINTENANCE_DUE_SOON_DAYS = 7;

export type MaintenanceState = "overdue" | "due-soon" | null;

/** Maintenance before `today` is overdue; on or before `soonLimit` (today + 7 days) it is due soon. SQL: `maintenanceDueSql`, `maintenanceOverdueSql`. */
export function maintenanceState(nextMaintenanceDate: string, today: string, soonLimit: string): MaintenanceState {
  if (nextMaintenanceDate < today) return "overdue";
  return nextMaintenanceDate <= soonLimit ? "due-soon" : null;
}
