import { db } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { Scope } from "@/lib/scope";

/** The queries authentication makes of the users table (the users module manages the rows themselves). */

export type SignedInUser = { id: string; tenantId: string; name: string; email: string; role: UserRole; isActive: boolean };

const signedInSelect = { id: true, tenantId: true, name: true, email: true, role: true, isActive: true } as const;

/** The scope of an active user, by id (session cookies carry only the id; role and active flag are read fresh). */
export async function findActiveUserScope(userId: string): Promise<Scope | null> {
  const user = await db().user.findFirst({ where: { id: userId, isActive: true }, select: { id: true, tenantId: true, role: true } });
  return user ? { tenantId: user.tenantId, userId: user.id, role: user.role } : null;
}

export function findUserForLogin(email: string) {
  return db().user.findUnique({ where: { email }, select: { ...signedInSelect, passwordHash: true } });
}

export function findSignedInUser(scope: Scope): Promise<SignedInUser | null> {
  return db().user.findFirst({ where: { id: scope.userId, tenantId: scope.tenantId }, select: signedInSelect });
}
