import { expect } from "vitest";
import { addDays, toIsoDate, utcDate } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { post } from "../helpers/api";
import { createTestClient, createTestTenant, type TestTenant } from "../helpers/fixtures";

/** Shared by the opportunities integration tests (not a test file itself). */

/** Route handlers use the system clock, so test dates are relative to the real UTC today. */
export const todayIso = () => toIsoDate(utcDate(new Date()));
export const dateIn = (days: number) => toIsoDate(addDays(utcDate(new Date()), days));

export type OppWorld = TestTenant & { clientId: string; otherClientId: string };

export async function createWorld(name = "Opps"): Promise<OppWorld> {
  const tenant = await createTestTenant(name);
  const [client, otherClient] = await Promise.all([
    createTestClient(tenant.tenantId, "Acme Corp"),
    createTestClient(tenant.tenantId, "Globex"),
  ]);
  return { ...tenant, clientId: client.id, otherClientId: otherClient.id };
}

export type OppBody = Record<string, unknown>;

/** Creates an opportunity through the API and returns its JSON (fails the test unless 201). */
export async function createOpp(world: OppWorld, token: string, overrides: OppBody = {}) {
  const response = await post(
    "/opportunities",
    { name: "Deal", client_id: world.clientId, estimated_value: "1000.00", expected_close_date: dateIn(30), ...overrides },
    { token },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Moves an expected close date into the past directly (the API refuses past dates). */
export async function backdate(id: string, days: number) {
  await db().opportunity.update({ where: { id }, data: { expectedCloseDate: addDays(utcDate(new Date()), -days) } });
}

export const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

export const ifMatch = (version: number | string) => ({ "if-match": `"${version}"` });
