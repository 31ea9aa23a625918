import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { issueAccessToken } from "@/lib/auth/tokens";
import type { Scope } from "@/lib/scope";
import type { UserRole } from "@/lib/generated/prisma/enums";

/** A precomputed scrypt hash of "password123" keeps fixtures fast (hashing costs ~100 ms). */
export const FIXTURE_PASSWORD = "password123";
let fixtureHash: string | undefined;
async function passwordHash() {
  if (!fixtureHash) fixtureHash = await (await import("@/lib/auth/password")).hashPassword(FIXTURE_PASSWORD);
  return fixtureHash;
}

export type TestUser = Scope & { token: string; email: string; name: string };

export async function createTestUser(tenantId: string, role: UserRole, name?: string): Promise<TestUser> {
  const label = name ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  const email = `${label.replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@test.onquota`.toLowerCase();
  const user = await db().user.create({
    data: { tenantId, role, name: label, email, passwordHash: await passwordHash() },
  });
  const scope: Scope = { tenantId, userId: user.id, role };
  const { token } = await issueAccessToken(scope);
  return { ...scope, token, email, name: label };
}

export type TestTenant = {
  tenantId: string;
  admin: TestUser;
  supervisor: TestUser;
  rep: TestUser;
  otherRep: TestUser;
};

/** A tenant with one user of each role and a second rep. */
export async function createTestTenant(name = "Tenant"): Promise<TestTenant> {
  const tenant = await db().tenant.create({ data: { name: `${name} ${randomUUID().slice(0, 8)}` } });
  const [admin, supervisor, rep, otherRep] = await Promise.all([
    createTestUser(tenant.id, "ADMIN", "Admin"),
    createTestUser(tenant.id, "SUPERVISOR", "Supervisor"),
    createTestUser(tenant.id, "SALES_REP", "Rep"),
    createTestUser(tenant.id, "SALES_REP", "Other Rep"),
  ]);
  return { tenantId: tenant.id, admin, supervisor, rep, otherRep };
}

export async function createTestClient(tenantId: string, name = "Client Co") {
  return db().client.create({ data: { tenantId, name } });
}
