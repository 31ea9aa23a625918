import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createNotification, markNotificationRead } from "@/lib/notifications";
import { get, patch, post } from "../helpers/api";
import { createTestClient, createTestTenant, type TestTenant, type TestUser } from "../helpers/fixtures";
import { dateIn, ROLES } from "./isolation/world";

/**
 * Lists, counts and sums answer exactly what the caller may see: their tenant's rows, and for a rep only their
 * own deals and quotes, whatever the filters name. Expected figures are computed from the seeded rows.
 */
type Deal = { id: string; tenantId: string; owner: string; stage: string; value: string };
type Quote = { id: string; tenantId: string; owner: string };

let c: TestTenant;
let d: TestTenant;
const deals: Deal[] = [];
const quotes: Quote[] = [];
const notifications: Array<{ userId: string; read: boolean }> = [];
const STAGES = ["LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION", "CLOSED_WON", "CLOSED_LOST"];

async function deal(tenant: TestTenant, owner: TestUser, clientId: string, stage: string, value: string, closeAs?: string) {
  const created = await post(
    "/opportunities",
    { name: `${stage} deal`, client_id: clientId, estimated_value: value, expected_close_date: dateIn(20), stage },
    { token: owner.token },
  );
  expect(created.status, created.text).toBe(201);
  if (closeAs) {
    const closed = await patch(
      `/opportunities/${created.body.id}/stage`,
      { stage: closeAs, loss_reason: closeAs === "CLOSED_LOST" ? "Price" : undefined },
      { token: owner.token },
    );
    expect(closed.status, closed.text).toBe(200);
  }
  deals.push({ id: created.body.id, tenantId: tenant.tenantId, owner: owner.userId, stage: closeAs ?? stage, value });
}

async function quote(tenant: TestTenant, owner: TestUser, clientId: string) {
  const created = await post(
    "/quotes",
    { client_id: clientId, quote_number: `Q-${quotes.length}`, total_amount: "10.00", valid_until: dateIn(10) },
    { token: owner.token },
  );
  expect(created.status, created.text).toBe(201);
  quotes.push({ id: created.body.id, tenantId: tenant.tenantId, owner: owner.userId });
}

async function notify(user: TestUser, read = false) {
  const row = await createNotification({ tenantId: user.tenantId, userId: user.userId, title: "t", message: "m" });
  if (read) await markNotificationRead(user, row!.id);
  notifications.push({ userId: user.userId, read });
}

beforeAll(async () => {
  [c, d] = await Promise.all([createTestTenant("Aggregates C"), createTestTenant("Aggregates D")]);
  const [cClient, dClient] = await Promise.all([createTestClient(c.tenantId), createTestClient(d.tenantId)]);
  await deal(c, c.rep, cClient.id, "LEAD", "1000.00");
  await deal(c, c.rep, cClient.id, "PROPOSAL", "3000.55");
  await deal(c, c.rep, cClient.id, "NEGOTIATION", "4000.00", "CLOSED_WON");
  await deal(c, c.otherRep, cClient.id, "LEAD", "500.10");
  await deal(c, c.otherRep, cClient.id, "QUALIFIED", "700.00", "CLOSED_LOST");
  await deal(d, d.rep, dClient.id, "LEAD", "9999.99");
  await deal(d, d.admin, dClient.id, "PROPOSAL", "8888.00");
  await quote(c, c.rep, cClient.id);
  await quote(c, c.rep, cClient.id);
  await quote(c, c.otherRep, cClient.id);
  await quote(d, d.rep, dClient.id);
  for (const [tenant, plate] of [
    [c, "C-1"],
    [d, "D-1"],
  ] as const) {
    const vehicle = await post(
      "/vehicles",
      { name: "Van", plate_number: plate, next_maintenance_date: dateIn(5) },
      { token: tenant.supervisor.token },
    );
    expect(vehicle.status, vehicle.text).toBe(201);
  }
  await Promise.all([notify(c.rep), notify(c.rep), notify(c.rep, true), notify(c.otherRep), notify(d.rep), notify(d.rep)]);
}, 120_000);

const seesAll = (user: TestUser) => user.role !== "SALES_REP";
const visibleDeals = (user: TestUser, assignedTo?: string) =>
  deals.filter(
    (x) => x.tenantId === user.tenantId && (seesAll(user) || x.owner === user.userId) && (!assignedTo || x.owner === assignedTo),
  );

/** Sum of decimal strings with two places, exactly (cents as bigint). */
function sum(values: string[]): string {
  const cents = values.reduce((total, v) => total + BigInt(v.replace(".", "")), 0n);
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
}

const FILTERS = {
  none: undefined,
  "the rep": () => c.rep,
  "the other rep": () => c.otherRep,
  "another tenant's rep": () => d.rep,
  "another tenant's admin": () => d.admin,
};

/** Every caller of tenant C, each with filters naming nobody, their own, a colleague's and the other tenant's users. */
const callers = ROLES.flatMap((role) =>
  Object.entries(FILTERS).map(([name, whom]) => ({ label: `${role}, assigned_to=${name}`, role, whom })),
);
const resolve = ({ role, whom }: (typeof callers)[number]) => ({ user: c[role], assignedTo: whom?.().userId });

const withFilter = (path: string, assignedTo?: string) =>
  assignedTo ? `${path}${path.includes("?") ? "&" : "?"}assigned_to=${assignedTo}` : path;

describe("opportunity lists and aggregates count only what the caller may see", () => {
  it.each(callers)("the list, for the $label", async (caller) => {
    const { user, assignedTo } = resolve(caller);
    const response = await get(withFilter("opportunities?page_size=100", assignedTo), { token: user.token });
    expect(response.status).toBe(200);
    const expected = visibleDeals(user, assignedTo);
    expect(response.body.total).toBe(expected.length);
    expect(response.body.items.map((o: { id: string }) => o.id).sort()).toEqual(expected.map((x) => x.id).sort());
  });

  it.each(callers)("the summary, for the $label", async (caller) => {
    const { user, assignedTo } = resolve(caller);
    const response = await get(withFilter("opportunities/pipeline/summary", assignedTo), { token: user.token });
    expect(response.status).toBe(200);
    const expected = visibleDeals(user, assignedTo);
    expect(response.body.total_opportunities).toBe(expected.length);
    expect(response.body.total_value).toBe(sum(expected.map((x) => x.value)));
    expect(response.body.total_won).toBe(expected.filter((x) => x.stage === "CLOSED_WON").length);
    expect(response.body.total_lost).toBe(expected.filter((x) => x.stage === "CLOSED_LOST").length);
    for (const stage of STAGES) {
      const inStage = expected.filter((x) => x.stage === stage);
      expect(response.body.by_stage[stage].count, stage).toBe(inStage.length);
      expect(response.body.by_stage[stage].total_value, stage).toBe(sum(inStage.map((x) => x.value)));
    }
  });

  it.each(callers)("the board, for the $label", async (caller) => {
    const { user, assignedTo } = resolve(caller);
    const response = await get(withFilter("opportunities/pipeline/board", assignedTo), { token: user.token });
    expect(response.status).toBe(200);
    const expected = visibleDeals(user, assignedTo);
    for (const column of response.body.stages as Array<{
      stage: string;
      count: number;
      total_value: string;
      items: Array<{ id: string }>;
    }>) {
      const inStage = expected.filter((x) => x.stage === column.stage);
      expect(column.count, column.stage).toBe(inStage.length);
      expect(column.total_value, column.stage).toBe(sum(inStage.map((x) => x.value)));
      expect(column.items.map((o) => o.id).sort(), column.stage).toEqual(inStage.map((x) => x.id).sort());
    }
  });
});

describe("other lists and counts", () => {
  it.each(
    ROLES.flatMap((role) =>
      [undefined, "rep", "otherRep", "foreign"].map((salesRep) => ({
        role,
        salesRep,
        label: `${role}${salesRep ? ` with sales_rep_id=${salesRep}` : ""}`,
      })),
    ),
  )("quotes, for the $label", async ({ role, salesRep }) => {
    const user = c[role];
    const salesRepId =
      salesRep === "rep" ? c.rep.userId : salesRep === "otherRep" ? c.otherRep.userId : salesRep === "foreign" ? d.rep.userId : undefined;
    const response = await get(`quotes?page_size=100${salesRepId ? `&sales_rep_id=${salesRepId}` : ""}`, { token: user.token });
    expect(response.status).toBe(200);
    const expected = quotes.filter(
      (q) => q.tenantId === c.tenantId && (seesAll(user) || q.owner === user.userId) && (!salesRepId || q.owner === salesRepId),
    );
    expect(response.body.total).toBe(expected.length);
    expect(response.body.items.map((q: { id: string }) => q.id).sort()).toEqual(expected.map((q) => q.id).sort());
  });

  it.each(
    ROLES.flatMap((role) => [
      { role, tenant: "C" },
      { role, tenant: "D" },
    ]),
  )("notifications and the unread count, for $tenant's $role", async ({ role, tenant }) => {
    const user = (tenant === "C" ? c : d)[role];
    // Closing a deal also alerts the managers, so the expected figures come from the table, per user.
    const [total, unread] = await Promise.all([
      db().notification.count({ where: { userId: user.userId, isDeleted: false } }),
      db().notification.count({ where: { userId: user.userId, isDeleted: false, isRead: false } }),
    ]);
    expect(total).toBeGreaterThanOrEqual(notifications.filter((n) => n.userId === user.userId).length);
    const [list, count, unreadOnly] = await Promise.all([
      get("notifications?page_size=100", { token: user.token }),
      get("notifications/unread-count", { token: user.token }),
      get("notifications?is_read=false&page_size=100", { token: user.token }),
    ]);
    expect(list.body.total).toBe(total);
    expect(list.body.items.every((n: { user_id: string }) => n.user_id === user.userId)).toBe(true);
    expect(list.body.unread_count).toBe(unread);
    expect(count.body).toEqual({ unread_count: unread });
    expect(unreadOnly.body.total).toBe(unread);
  });

  it.each(ROLES)("clients, vehicles and users of the tenant only, for the %s", async (role) => {
    const user = c[role];
    const [clients, vehicles, users] = await Promise.all([
      get("clients?page_size=100", { token: user.token }),
      get("vehicles?page_size=100", { token: user.token }),
      get("users", { token: user.token }),
    ]);
    expect(clients.body.items.map((x: { tenant_id: string }) => x.tenant_id)).toEqual([c.tenantId]);
    expect(clients.body.total).toBe(1);
    expect(vehicles.body.items.map((x: { tenant_id: string }) => x.tenant_id)).toEqual([c.tenantId]);
    expect(vehicles.body.total).toBe(1);
    expect(users.body.items.map((u: { id: string }) => u.id).sort()).toEqual(
      [c.admin, c.supervisor, c.rep, c.otherRep].map((u) => u.userId).sort(),
    );
  });
});
