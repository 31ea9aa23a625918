import { type Scope, seesWholeTenant } from "@/lib/scope";
import { findClient } from "@/lib/clients";
import { addDays, systemClock, utcDate, type Clock } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { type Page, pageOf } from "@/lib/http";
import { findVisibleOpportunity } from "@/lib/opportunities";
import { isActiveTenantUser } from "@/lib/users";
import { activityPage, deleteActivityRow, findActivity, insertActivity, updateActivityRow } from "./repository";
import { doneOnCreate } from "./rules";
import type { ActivityOut, CreateActivityInput, ListActivitiesQuery, UpdateActivityInput } from "./schemas";
import { serializeActivity } from "./serialize";

export async function listActivities(scope: Scope, query: ListActivitiesQuery, clock: Clock = systemClock): Promise<Page<ActivityOut>> {
  const now = clock();
  const { rows, total } = await activityPage(scope, query, now);
  return pageOf(
    rows.map((row) => serializeActivity(row, now)),
    total,
    query,
  );
}

export async function getActivity(scope: Scope, id: string, clock: Clock = systemClock): Promise<ActivityOut> {
  const row = await findActivity(scope, id);
  if (!row) throw new NotFoundError("Activity");
  return serializeActivity(row, clock());
}

/** On a deal the caller can see and/or a client of the tenant; assigned to the caller unless a manager names someone. */
export async function createActivity(scope: Scope, input: CreateActivityInput, clock: Clock = systemClock): Promise<ActivityOut> {
  const now = clock();
  const assignedTo = input.assigned_to ?? scope.userId;
  await assertAssignable(scope, assignedTo);
  let clientId = input.client_id ?? null;
  const errors: ValidationError["errors"] = [];
  if (input.opportunity_id) {
    const deal = await findVisibleOpportunity(scope, input.opportunity_id);
    if (!deal) errors.push({ field: "opportunity_id", message: "must be an opportunity you can see" });
    clientId ??= deal?.clientId ?? null;
  }
  if (input.client_id && !(await findClient(scope, input.client_id))) {
    errors.push({ field: "client_id", message: "must be an existing client of your company" });
  }
  if (!input.opportunity_id && !input.client_id)
    errors.push({ field: "opportunity_id", message: "an opportunity or a client is required" });
  if (errors.length > 0) throw new ValidationError(errors);
  const row = await insertActivity({
    tenantId: scope.tenantId,
    opportunityId: input.opportunity_id ?? null,
    clientId,
    type: input.type,
    subject: input.subject,
    note: input.note ?? null,
    dueAt: input.due_at ?? null,
    doneAt: doneOnCreate(input.type) ? now : null,
    assignedTo,
    createdBy: scope.userId,
  });
  return serializeActivity(row, now);
}

/** Partial update: omitted fields stay; `done` completes or reopens. */
export async function updateActivity(
  scope: Scope,
  id: string,
  input: UpdateActivityInput,
  clock: Clock = systemClock,
): Promise<ActivityOut> {
  const now = clock();
  const current = await findActivity(scope, id);
  if (!current) throw new NotFoundError("Activity");
  if (input.assigned_to !== undefined && input.assigned_to !== current.assignedTo) await assertAssignable(scope, input.assigned_to);
  const data: Prisma.ActivityUncheckedUpdateManyInput = {
    type: input.type,
    subject: input.subject,
    note: input.note,
    dueAt: input.due_at,
    assignedTo: input.assigned_to,
  };
  if (input.done === true && current.doneAt === null) data.doneAt = now;
  if (input.done === false) data.doneAt = null;
  const row = await updateActivityRow(scope, id, data);
  if (!row) throw new NotFoundError("Activity");
  return serializeActivity(row, now);
}

/** Marks it done now; completing a done activity keeps its first done time. */
export function completeActivity(scope: Scope, id: string, clock: Clock = systemClock): Promise<ActivityOut> {
  return updateActivity(scope, id, { done: true }, clock);
}

export async function deleteActivity(scope: Scope, id: string): Promise<void> {
  if (!(await deleteActivityRow(scope, id))) throw new NotFoundError("Activity");
}

/** Reps assign only to themselves (403); managers to any active user of the tenant (422). */
async function assertAssignable(scope: Scope, userId: string): Promise<void> {
  if (userId === scope.userId) return;
  if (!seesWholeTenant(scope)) throw new ForbiddenError("Sales reps can only assign activities to themselves.", "assigned_to");
  if (!(await isActiveTenantUser(scope, userId))) throw ValidationError.field("assigned_to", "must be an active user of your company");
}

/** The caller's own open activities for the Today page: overdue ones, and those due from now to the end of the UTC day. */
export async function getMyDay(scope: Scope, clock: Clock = systemClock): Promise<{ overdue: ActivityOut[]; dueToday: ActivityOut[] }> {
  const now = clock();
  const endOfDay = addDays(utcDate(now), 1);
  const mine = { page: 1, page_size: 100, assigned_to: scope.userId } as const;
  const fixed = () => now;
  const [overdue, dueToday] = await Promise.all([
    listActivities(scope, { ...mine, status: "overdue" }, fixed),
    listActivities(scope, { ...mine, status: "open", due_from: now, due_to: endOfDay }, fixed),
  ]);
  return { overdue: overdue.items, dueToday: dueToday.items };
}
