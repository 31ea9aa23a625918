import { Prisma } from "@/lib/db";

/** A check runs over every tenant, or over one (`npm run job -- <name> --tenant <id>`). */
export type JobOptions = { tenantId?: string };

/** `AND <column> = tenant` when the run is limited to one tenant; nothing otherwise. */
export function tenantCondition(column: Prisma.Sql, options: JobOptions): Prisma.Sql {
  return options.tenantId ? Prisma.sql`AND ${column} = ${options.tenantId}::uuid` : Prisma.empty;
}
