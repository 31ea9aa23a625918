import { Prisma } from "@/lib/db";
import { type Scope, seesWholeTenant } from "@/lib/scope";

/** Whose deals count: a rep only their own, a manager everyone's or only `assignedTo`'s. `owner` names the owner column. */
export function ownerScopeSql(scope: Scope, assignedTo: string | undefined, owner: Prisma.Sql): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (!seesWholeTenant(scope)) parts.push(Prisma.sql`${owner} = ${scope.userId}::uuid`);
  if (assignedTo) parts.push(Prisma.sql`${owner} = ${assignedTo}::uuid`);
  return Prisma.join(parts, " AND ");
}

/** The instants that bound a window of whole UTC days: the start of `from` and the end of `to` (exclusive). */
export function windowBounds(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(new Date(`${to}T00:00:00.000Z`).getTime() + 86_400_000);
  return { start, end };
}
