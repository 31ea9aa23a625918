import { ownedWhere, type Scope } from "@/lib/scope";
import { db, type Prisma } from "@/lib/db";
import { skipTake } from "@/lib/http";
import { activitySelect, type ActivityRow } from "./rows";
import { activityOverdueWhere } from "./rules-sql";
import type { ListActivitiesQuery } from "./schemas";

/** The module's queries, each narrowed by the caller's scope: a rep reaches only the activities assigned to them. */

const visibleWhere = (scope: Scope): Prisma.ActivityWhereInput => ownedWhere(scope, "assignedTo");

function listWhere(scope: Scope, query: ListActivitiesQuery, now: Date): Prisma.ActivityWhereInput {
  const and: Prisma.ActivityWhereInput[] = [visibleWhere(scope)];
  if (query.opportunity_id) and.push({ opportunityId: query.opportunity_id });
  if (query.client_id) and.push({ clientId: query.client_id });
  if (query.assigned_to) and.push({ assignedTo: query.assigned_to });
  if (query.status === "open") and.push({ doneAt: null });
  if (query.status === "done") and.push({ doneAt: { not: null } });
  if (query.status === "overdue") and.push(activityOverdueWhere(now));
  if (query.due_from) and.push({ dueAt: { gte: query.due_from } });
  if (query.due_to) and.push({ dueAt: { lt: query.due_to } });
  return { AND: and };
}

/** A page in due order (undated last), then newest first. */
export async function activityPage(scope: Scope, query: ListActivitiesQuery, now: Date): Promise<{ rows: ActivityRow[]; total: number }> {
  const where = listWhere(scope, query, now);
  const [rows, total] = await Promise.all([
    db().activity.findMany({
      where,
      select: activitySelect,
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
      ...skipTake(query),
    }),
    db().activity.count({ where }),
  ]);
  return { rows, total };
}

export function findActivity(scope: Scope, id: string): Promise<ActivityRow | null> {
  return db().activity.findFirst({ where: { ...visibleWhere(scope), id }, select: activitySelect });
}

export function insertActivity(data: Prisma.ActivityUncheckedCreateInput): Promise<ActivityRow> {
  return db().activity.create({ data, select: activitySelect });
}

/** Applies the changes to a visible activity; null when there is none. */
export async function updateActivityRow(
  scope: Scope,
  id: string,
  data: Prisma.ActivityUncheckedUpdateManyInput,
): Promise<ActivityRow | null> {
  const { count } = await db().activity.updateMany({ where: { ...visibleWhere(scope), id }, data });
  return count === 0 ? null : findActivity(scope, id);
}

export async function deleteActivityRow(scope: Scope, id: string): Promise<boolean> {
  const { count } = await db().activity.deleteMany({ where: { ...visibleWhere(scope), id } });
  return count > 0;
}
