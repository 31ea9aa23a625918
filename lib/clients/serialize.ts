import type { Client } from "@/lib/generated/prisma/client";
import type { ClientOut } from "./schemas";

export type ClientRow = Pick<Client, "id" | "tenantId" | "name" | "email" | "phone" | "company" | "createdAt" | "updatedAt">;

export const clientSelect = {
  id: true,
  tenantId: true,
  name: true,
  email: true,
  phone: true,
  company: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function serializeClient(row: ClientRow): ClientOut {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
