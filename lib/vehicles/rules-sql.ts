import { Prisma } from "@/lib/db";

/** The SQL twins of rules.ts over a vehicle aliased `v` (dates `YYYY-MM-DD`). */

/** Due by `soonLimit`: overdue or due soon. */
export function maintenanceDueSql(soonLimit: string): Prisma.Sql {
  return Prisma.sql`v.next_maintenance_date <= ${soonLimit}::date`;
}

export function maintenanceOverdueSql(today: string): Prisma.Sql {
  return Prisma.sql`v.next_maintenance_date < ${today}::date`;
}
