import { db } from "@/lib/db";
import { type Scope } from "@/lib/scope";
import { hashPassword, revokeAllTokensOfUser } from "@/lib/auth";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { getUser } from "./repository";
import { userSelect, type UserRow } from "./serialize";

export type NewAccount = { companyName: string; name: string; email: string; password: string; baseCurrency?: string };

/** Creates a tenant and its first user, an ADMIN. */
export async function registerTenant(input: NewAccount): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  await assertEmailFree(input.email);
  const tenant = await db().tenant.create({
    data: {
      name: input.companyName,
      baseCurrency: input.baseCurrency,
      users: { create: { name: input.name, email: input.email, passwordHash, role: "ADMIN" } },
    },
    select: { users: { select: userSelect } },
  });
  return tenant.users[0]!;
}

export type NewUser = { name: string; email: string; role: UserRole; password: string };

export async function createUser(scope: Scope, input: NewUser): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  await assertEmailFree(input.email);
  return db().user.create({
    data: { tenantId: scope.tenantId, name: input.name, email: input.email, role: input.role, passwordHash },
    select: userSelect,
  });
}

export type UserChanges = { name?: string; role?: UserRole; isActive?: boolean };

/** Admins change a user's name, role or active flag; deactivating revokes every token of that user at once. */
export async function updateUser(scope: Scope, id: string, changes: UserChanges): Promise<UserRow> {
  const existing = await getUser(scope, id);
  if (!existing) throw new NotFoundError("User");
  if (id === scope.userId && (changes.isActive === false || (changes.role && changes.role !== "ADMIN"))) {
    throw new ConflictError("You cannot deactivate or demote yourself.");
  }
  const user = await db().user.update({ where: { id }, data: changes, select: userSelect });
  if (changes.isActive === false) await revokeAllTokensOfUser(scope.tenantId, id);
  return user;
}

async function assertEmailFree(email: string) {
  const taken = await db().user.count({ where: { email } });
  if (taken > 0) throw new ConflictError("An account with this email already exists.", "email");
}
