import type { UserRole } from "@/lib/generated/prisma/enums";
import { ForbiddenError } from "@/lib/errors";

/**
 * Who is calling. Every query of tenant data takes a scope, so no edge can forget the tenant
 * or (for a rep) the owner filter.
 */
export type Scope = {
  readonly tenantId: string;
  readonly userId: string;
  readonly role: UserRole;
};

export const MANAGER_ROLES: readonly UserRole[] = ["ADMIN", "SUPERVISOR"];

/** Supervisors and admins see the whole tenant; reps only what is theirs. */
export function seesWholeTenant(scope: Scope): boolean {
  return MANAGER_ROLES.includes(scope.role);
}

export function requireRole(scope: Scope, roles: readonly UserRole[]): void {
  if (!roles.includes(scope.role)) throw new ForbiddenError();
}

/** The Prisma `where` for rows owned through `ownerField`: the tenant for managers, the tenant and owner for reps. */
export function ownedWhere<F extends string>(scope: Scope, ownerField: F): { tenantId: string } & Partial<Record<F, string>> {
  const where = { tenantId: scope.tenantId } as { tenantId: string } & Partial<Record<F, string>>;
  if (!seesWholeTenant(scope)) (where as Record<string, string>)[ownerField] = scope.userId;
  return where;
}
