import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { addDays, toIsoDate, utcDate } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { createNotification } from "@/lib/notifications";
import { post } from "../../helpers/api";
import { createTestClient, createTestTenant, createTestUser, type TestTenant, type TestUser } from "../../helpers/fixtures";

/**
 * Two tenants with rows of every kind, for the isolation matrix and the fuzzing. In each tenant the rep owns
 * a client's opportunity, a quote, a vehicle, a notification and an activity; the other rep owns one of each too, so that
 * "another rep's rows" exist to leak. `fresh` makes a new row for requests that use theirs up (delete, close).
 */
export type TenantRows = TestTenant & {
  clientId: string;
  opportunityId: string;
  quoteId: string;
  vehicleId: string;
  notificationId: string;
  activityId: string;
  lossReasonId: string;
  webhookId: string;
};

export type World = {
  a: TenantRows;
  b: TenantRows;
  fresh: {
    client(): Promise<string>;
    opportunity(): Promise<{ id: string; version: number }>;
    quote(): Promise<string>;
    vehicle(): Promise<string>;
    notification(): Promise<string>;
    activity(): Promise<string>;
    user(): Promise<string>;
    lossReason(): Promise<string>;
    webhook(): Promise<string>;
  };
};

export type RoleName = "admin" | "supervisor" | "rep";
export const ROLE_OF: Record<RoleName, UserRole> = { admin: "ADMIN", supervisor: "SUPERVISOR", rep: "SALES_REP" };
export const ROLES: RoleName[] = ["admin", "supervisor", "rep"];

export const dateIn = (days: number) => toIsoDate(addDays(utcDate(new Date()), days));

async function created(path: string, body: unknown, token: string): Promise<{ id: string; version?: number }> {
  const response = await post(path, body, { token });
  expect(response.status, `${path}: ${response.text}`).toBe(201);
  return response.body;
}

/** Rows owned by `owner` (a rep, or anyone the service allows) in `tenant`. */
function factories(tenant: TestTenant, owner: TestUser, clientId: () => string) {
  return {
    client: async () => (await createTestClient(tenant.tenantId, `Client ${randomUUID().slice(0, 6)}`)).id,
    opportunity: async () => {
      const row = await created(
        "/opportunities",
        { name: `Deal ${randomUUID().slice(0, 6)}`, client_id: clientId(), estimated_value: "1000.00", expected_close_date: dateIn(30) },
        owner.token,
      );
      return { id: row.id, version: row.version! };
    },
    quote: async () =>
      (
        await created(
          "/quotes",
          { client_id: clientId(), quote_number: `Q-${randomUUID().slice(0, 8)}`, total_amount: "250.00", valid_until: dateIn(30) },
          owner.token,
        )
      ).id,
    vehicle: async () =>
      (
        await created(
          "/vehicles",
          { name: "Van", plate_number: randomUUID().slice(0, 8), assigned_to: owner.userId, next_maintenance_date: dateIn(10) },
          owner.token,
        )
      ).id,
    notification: async () =>
      (await createNotification({ tenantId: tenant.tenantId, userId: owner.userId, title: "Hello", message: "A message" }))!.id,
    activity: async () =>
      (
        await created(
          "/activities",
          { type: "CALL", subject: "Call back", client_id: clientId(), due_at: `${dateIn(3)}T09:00:00Z` },
          owner.token,
        )
      ).id,
    user: async () => (await createTestUser(tenant.tenantId, "SALES_REP")).userId,
    lossReason: async () =>
      (await db().lossReason.create({ data: { tenantId: tenant.tenantId, label: `Reason ${randomUUID().slice(0, 8)}` } })).id,
    webhook: async () =>
      (
        await db().webhookEndpoint.create({
          data: {
            tenantId: tenant.tenantId,
            url: "https://hooks.example.com/onquota",
            events: ["opportunity.won"],
            secret: `whsec_${"A".repeat(32)}`,
          },
        })
      ).id,
  };
}

async function seedTenant(name: string): Promise<{ rows: TenantRows; fresh: World["fresh"] }> {
  const tenant = await createTestTenant(name);
  const clientId = await factories(tenant, tenant.rep, () => "").client();
  const mine = factories(tenant, tenant.rep, () => clientId);
  const theirs = factories(tenant, tenant.otherRep, () => clientId);
  const [opportunity, quoteId, vehicleId, notificationId, activityId, lossReasonId, webhookId] = await Promise.all([
    mine.opportunity(),
    mine.quote(),
    mine.vehicle(),
    mine.notification(),
    mine.activity(),
    mine.lossReason(),
    mine.webhook(),
  ]);
  await Promise.all([theirs.opportunity(), theirs.quote(), theirs.vehicle(), theirs.notification(), theirs.activity()]);
  return {
    rows: { ...tenant, clientId, opportunityId: opportunity.id, quoteId, vehicleId, notificationId, activityId, lossReasonId, webhookId },
    fresh: mine,
  };
}

export async function seedWorld(): Promise<World> {
  const [a, b] = await Promise.all([seedTenant("Isolation A"), seedTenant("Isolation B")]);
  return { a: a.rows, b: b.rows, fresh: a.fresh };
}

export function userOf(tenant: TestTenant, role: RoleName): TestUser {
  return tenant[role];
}

const TENANT_TABLES = [
  "users",
  "api_credentials",
  "clients",
  "quotes",
  "vehicles",
  "opportunities",
  "opportunity_stage_history",
  "opportunity_changes",
  "loss_reasons",
  "notifications",
  "notification_preferences",
  "notification_digests",
  "email_outbox",
  "activities",
  "pipeline_stage_settings",
  "imports",
  "sales_targets",
  "webhook_endpoints",
  "webhook_deliveries",
  "calendar_feeds",
  "push_subscriptions",
] as const;

/** What counts of a row; an access token's `last_used_at` (a feed's `last_fetched_at`) is bookkeeping that any use refreshes. */
const ROW_TEXT: Partial<Record<(typeof TENANT_TABLES)[number], string>> = {
  api_credentials: "(t.id, t.kind, t.name, t.token_hash, t.expires_at, t.revoked_at)::text",
  calendar_feeds: "(t.user_id, t.token_hash, t.created_at)::text",
};

/**
 * A digest of every row of the tenants (the tenant row included): equal before and after a request means the
 * request wrote nothing there. One round trip.
 */
export async function tenantDigest(tenantIds: string[]): Promise<string> {
  const parts = TENANT_TABLES.map((table) => {
    const row = ROW_TEXT[table] ?? "t::text";
    return `(SELECT md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) FROM ${table} t WHERE t.tenant_id = ANY($1::uuid[]))`;
  });
  parts.unshift(`(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM tenants t WHERE t.id = ANY($1::uuid[]))`);
  const [row] = await db().$queryRawUnsafe<Array<{ digest: string }>>(`SELECT concat_ws(',', ${parts.join(", ")}) AS digest`, tenantIds);
  return row!.digest;
}

/** Every id of a tenant's rows (the tenant's own id included): none may appear in another tenant's answers. */
export async function idsOfTenant(tenantId: string): Promise<string[]> {
  const rows = await db().$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT $1::uuid::text AS id UNION ALL ${[
      "users",
      "clients",
      "quotes",
      "vehicles",
      "opportunities",
      "opportunity_stage_history",
      "loss_reasons",
      "notifications",
      "activities",
      "webhook_endpoints",
      "webhook_deliveries",
    ]
      .map((table) => `SELECT id::text FROM ${table} WHERE tenant_id = $1::uuid`)
      .join(" UNION ALL ")}
     UNION ALL SELECT endpoint FROM push_subscriptions WHERE tenant_id = $1::uuid`,
    tenantId,
  );
  return rows.map((r) => r.id);
}

/** Ids of what a rep owns and no other rep may see: their opportunities (with history), quotes and notifications. */
export async function idsOwnedBy(userId: string): Promise<string[]> {
  const rows = await db().$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT id::text FROM opportunities WHERE assigned_to = $1::uuid
     UNION ALL SELECT h.id::text FROM opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id WHERE o.assigned_to = $1::uuid
     UNION ALL SELECT id::text FROM quotes WHERE sales_rep_id = $1::uuid
     UNION ALL SELECT id::text FROM notifications WHERE user_id = $1::uuid
     UNION ALL SELECT id::text FROM activities WHERE assigned_to = $1::uuid`,
    userId,
  );
  return rows.map((r) => r.id);
}

/** The ids of `ids` that occur in a response body. */
export function leakedIds(body: unknown, ids: string[]): string[] {
  const text = JSON.stringify(body) ?? "";
  return ids.filter((id) => text.includes(id));
}
