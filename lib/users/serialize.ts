import type { User } from "@/lib/generated/prisma/client";
import type { UserOut } from "./schemas";

export type UserRow = Pick<User, "id" | "tenantId" | "name" | "email" | "role" | "isActive">;

export const userSelect = { id: true, tenantId: true, name: true, email: true, role: true, isActive: true } as const;

export function serializeUser(user: UserRow): UserOut {
  return { id: user.id, tenant_id: user.tenantId, name: user.name, email: user.email, role: user.role, is_active: user.isActive };
}
