import { MANAGER_ROLES } from "@/lib/scope";
import { addDays, formatDay, toIsoDate, utcDate, type Clock } from "@/lib/clock";
import { db, Prisma } from "@/lib/db";
import type { NewNotification } from "@/lib/notifications";
import { activeUsersWithRolesSql } from "@/lib/users";
import { MAINTENANCE_DUE_SOON_DAYS, maintenanceDueSql, maintenanceOverdueSql } from "@/lib/vehicles";
import { addEmailTotals, noEmails, type EmailTotals } from "./dispatch";
import { dueText, plural } from "./format";
import { notifyAll } from "./notify";
import { tenantCondition, type JobOptions } from "./options";
import { keysetPages } from "./pages";

export type PendingMaintenanceResult = {
  tenants: number;
  vehicles: number;
  overdue: number;
  notified: number;
  alreadyNotified: number;
  emails: EmailTotals;
};

/** Vehicles listed in one notification; the rest are counted ("…and 12 more") and a click away. */
export const LISTED_VEHICLES = 25;
/** Tenants per page: each brings at most LISTED_VEHICLES vehicles and its managers. */
const TENANT_PAGE = 200;

type DueVehicle = { id: string; name: string; plate_number: string; due_date: string; days_overdue: number };

type TenantDue = {
  tenant_id: string;
  due: number;
  overdue: number;
  vehicles: DueVehicle[];
  managers: string[];
  already_notified: string[];
};

/** One maintenance digest per tenant, manager and day. */
export const maintenanceKey = (tenantId: string, day: string) => `maintenance:${tenantId}:${day}`;

/**
 * One page of tenants with vehicles due for maintenance by `limit` (overdue included), in tenant order: per
 * tenant the counts, the first LISTED_VEHICLES vehicles (most overdue first), its active admins and supervisors,
 * and which of them already have today's digest. One statement per page, whatever the number of vehicles.
 */
function tenantsDuePage(today: string, limit: string, options: JobOptions, after: TenantDue | undefined): Promise<TenantDue[]> {
  const key = Prisma.sql`'maintenance:' || t.tenant_id::text || ':' || ${today}`;
  const managers = activeUsersWithRolesSql(Prisma.sql`t.tenant_id`, MANAGER_ROLES);
  return db().$queryRaw<TenantDue[]>`
    SELECT t.tenant_id::text, t.due, t.overdue,
           COALESCE((
             SELECT json_agg(listed ORDER BY listed.due_date, listed.name, listed.id)
             FROM (
               SELECT v.id, v.name, v.plate_number, to_char(v.next_maintenance_date, 'YYYY-MM-DD') AS due_date,
                      (${today}::date - v.next_maintenance_date)::int AS days_overdue
               FROM vehicles v
               WHERE v.tenant_id = t.tenant_id AND v.is_deleted = false AND ${maintenanceDueSql(limit)}
               ORDER BY v.next_maintenance_date, v.name, v.id
               LIMIT ${LISTED_VEHICLES}
             ) AS listed
           ), '[]'::json) AS vehicles,
           ARRAY(
             SELECT u.id::text FROM users u
             WHERE ${managers}
             ORDER BY u.id
           ) AS managers,
           ARRAY(
             SELECT u.id::text FROM users u
             WHERE ${managers}
               AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.dedupe_key = ${key})
           ) AS already_notified
    FROM (
      SELECT v.tenant_id, count(*)::int AS due, (count(*) FILTER (WHERE ${maintenanceOverdueSql(today)}))::int AS overdue
      FROM vehicles v
      WHERE v.is_deleted = false AND ${maintenanceDueSql(limit)}
        ${tenantCondition(Prisma.sql`v.tenant_id`, options)}
        ${after ? Prisma.sql`AND v.tenant_id > ${after.tenant_id}::uuid` : Prisma.empty}
      GROUP BY v.tenant_id
      ORDER BY v.tenant_id
      LIMIT ${TENANT_PAGE}
    ) AS t
    ORDER BY t.tenant_id`;
}

/** The digest's text: a count line, then one line per listed vehicle. */
export function maintenanceMessage(tenant: Pick<TenantDue, "due" | "overdue" | "vehicles">): string {
  const head =
    `${plural(tenant.due, "vehicle")} ${tenant.due === 1 ? "needs" : "need"} maintenance within ${MAINTENANCE_DUE_SOON_DAYS} days` +
    (tenant.overdue > 0 ? ` (${tenant.overdue} overdue):` : ":");
  const lines = tenant.vehicles.map((v) => `• ${v.name} (${v.plate_number}): ${formatDay(v.due_date)}, ${dueText(v.days_overdue)}`);
  const more = tenant.due - tenant.vehicles.length;
  return [head, ...lines, ...(more > 0 ? [`…and ${more} more.`] : [])].join("\n");
}

function maintenanceTitle(tenant: TenantDue): string {
  return tenant.overdue > 0
    ? `Maintenance overdue for ${plural(tenant.overdue, "vehicle")}`
    : `Maintenance due soon for ${plural(tenant.due, "vehicle")}`;
}

/**
 * The digest opens a vehicle's own page: the only one, or else the most urgent (listed first), named on the button
 * so the link says where it goes; the message lists the others.
 */
export function vehicleLink(
  tenant: Pick<TenantDue, "due" | "vehicles">,
): Pick<NewNotification, "actionUrl" | "actionLabel" | "relatedEntityType" | "relatedEntityId"> {
  const first = tenant.vehicles[0];
  if (!first) return { actionUrl: `/vehicles?due_within_days=${MAINTENANCE_DUE_SOON_DAYS}`, actionLabel: "View vehicles" };
  const label = tenant.due === 1 ? "View vehicle" : `View ${first.name}`.slice(0, 100);
  return { actionUrl: `/vehicles/${first.id}`, actionLabel: label, relatedEntityType: "vehicle", relatedEntityId: first.id };
}

function digests(tenant: TenantDue, today: string): NewNotification[] {
  const already = new Set(tenant.already_notified);
  const message = maintenanceMessage(tenant);
  return tenant.managers
    .filter((userId) => !already.has(userId))
    .map((userId): NewNotification => ({
      tenantId: tenant.tenant_id,
      userId,
      title: maintenanceTitle(tenant),
      message,
      type: tenant.overdue > 0 ? "ERROR" : "WARNING",
      category: "MAINTENANCE",
      ...vehicleLink(tenant),
      dedupeKey: maintenanceKey(tenant.tenant_id, today),
    }));
}

/**
 * Daily 08:00 UTC: for each tenant with vehicles due within 7 days (or overdue), one digest to each active admin
 * and supervisor listing them — ERROR when any is overdue, else WARNING — and emailed.
 */
export async function checkPendingMaintenance(clock: Clock, options: JobOptions = {}): Promise<PendingMaintenanceResult> {
  const todayDate = utcDate(clock());
  const today = toIsoDate(todayDate);
  const limit = toIsoDate(addDays(todayDate, MAINTENANCE_DUE_SOON_DAYS));
  const result: PendingMaintenanceResult = { tenants: 0, vehicles: 0, overdue: 0, notified: 0, alreadyNotified: 0, emails: noEmails() };
  const pages = keysetPages((after: TenantDue | undefined) => tenantsDuePage(today, limit, options, after), TENANT_PAGE);
  for await (const page of pages) {
    const inputs = page.flatMap((tenant) => digests(tenant, today));
    const { notified, emails } = await notifyAll(inputs, { email: true, clock });
    const recipients = page.reduce((sum, tenant) => sum + tenant.managers.length, 0);
    result.tenants += page.length;
    result.vehicles += page.reduce((sum, tenant) => sum + tenant.due, 0);
    result.overdue += page.reduce((sum, tenant) => sum + tenant.overdue, 0);
    result.notified += notified;
    result.alreadyNotified += recipients - notified;
    addEmailTotals(result.emails, emails);
  }
  return result;
}
