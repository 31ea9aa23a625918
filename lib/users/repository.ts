import { db, Prisma, type Tx } from "@/lib/db";
import type { Scope } from "@/lib/scope";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { userSelect, type UserRow } from "./serialize";

export function getUser(scope: Scope, id: string): Promise<UserRow | null> {
  return db().user.findFirst({ where: { id, tenantId: scope.tenantId }, select: userSelect });
}

export function listUsers(scope: Scope): Promise<UserRow[]> {
  return db().user.findMany({ where: { tenantId: scope.tenantId }, select: userSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** How many of these ids are active users of the caller's tenant. */
export function countActiveTenantUsers(scope: Scope, userIds: string[], tx?: Tx): Promise<number> {
  return (tx ?? db()).user.count({ where: { id: { in: userIds }, tenantId: scope.tenantId, isActive: true } });
}

/** True when `userId` is an active user of the caller's tenant (assignment targets). */
export async function isActiveTenantUser(scope: Scope, userId: string, tx?: Tx): Promise<boolean> {
  return (await countActiveTenantUsers(scope, [userId], tx)) > 0;
}

/** Ids of a tenant's active users with one of these roles (e.g. who hears of a closed deal). */
export async function activeUserIdsWithRoles(tenantId: string, roles: readonly UserRole[]): Promise<string[]> {
  const users = await db().user.findMany({
    where: { tenantId, isActive: true, role: { in: [...roles] } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return users.map((user) => user.id);
}

/** The SQL twin of `activeUserIdsWithRoles`: users `u` of the tenant `tenantId` (an SQL expression), active, with one of `roles`. */
export function activeUsersWithRolesSql(tenantId: Prisma.Sql, roles: readonly UserRole[]): Prisma.Sql {
  return Prisma.sql`u.tenant_id = ${tenantId} AND u.is_active AND u.role = ANY(${[...roles]}::text[]::user_role[])`;
}

/** The tenant's active users by lower-cased email: whom imported rows may name as owners. */
export async function activeUserIdsByEmail(scope: Scope, tx?: Tx): Promise<Map<string, string>> {
  const users = await (tx ?? db()).user.findMany({
    where: { tenantId: scope.tenantId, isActive: true },
    select: { id: true, email: true },
  });
  return new Map(users.map((user) => [user.email.toLowerCase(), user.id]));
}
