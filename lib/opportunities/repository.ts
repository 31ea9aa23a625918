import { seesWholeTenant, type Scope } from "@/lib/auth/scope";
import { systemClock, utcDate, type Clock } from "@/lib/clock";
import { db, Prisma } from "@/lib/db/prisma";
import { queryRows } from "@/lib/db/raw-rows";
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from "@/lib/errors";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { skipTake } from "@/lib/http/pagination";
import { findClient } from "@/lib/clients/repository";
import { isActiveTenantUser } from "@/lib/users/repository";
import { announceOpportunityChange } from "./alerts";
import { dropPosition, lockColumn, topOfColumn, type Drop } from "./board-position";
import { orderBySql, visibleSql, visibleWhere } from "./filters";
import { OPPORTUNITY_COLUMNS, toOpportunityRow, type OpportunitySqlRow } from "./opportunity-sql";
import { countFromTotalsSql, totalsAnswer } from "./stage-totals-sql";
import {
  assertEditable,
  assertFutureCloseDate,
  assertOpenStage,
  assertStageChangeAllowed,
  daysOverdue,
  defaultProbability,
  enterStage,
  OPEN_STAGES,
} from "./rules";
import type { ChangeStageInput, CreateOpportunityInput, ListOpportunitiesQuery, UpdateOpportunityInput } from "./schemas";
import { historyInclude, opportunityInclude, type HistoryRow, type OpportunityRow } from "./serialize";

export { getOpportunitiesByStage, getPipelineSummary } from "./pipeline-repository";

/** Options of every write: the version the caller last saw (If-Match) and the clock that says what "today" is. */
export type WriteOptions = { expectedVersion?: number; clock?: Clock };

export async function createOpportunity(scope: Scope, input: CreateOpportunityInput, clock: Clock = systemClock): Promise<OpportunityRow> {
  const today = utcDate(clock());
  const assignedTo = input.assigned_to ?? scope.userId;
  await collectFieldErrors([
    () => assertOpenStage(input.stage),
    () => assertFutureCloseDate(input.expected_close_date, today),
    () => assertUsableClient(scope, input.client_id),
    () => assertAssignable(scope, assignedTo),
  ]);
  // The new card goes on top of its column, under the column's lock (see board-position.ts).
  const created = await db().$transaction(async (tx) => {
    await lockColumn(tx, scope.tenantId, input.stage);
    return tx.opportunity.create({
      data: {
        tenantId: scope.tenantId,
        name: input.name,
        description: input.description ?? null,
        clientId: input.client_id,
        assignedTo,
        createdBy: scope.userId,
        estimatedValue: input.estimated_value,
        currency: input.currency,
        probability: input.probability ?? defaultProbability(input.stage),
        expectedCloseDate: input.expected_close_date,
        stage: input.stage,
        boardPosition: await topOfColumn(tx, scope.tenantId, input.stage),
        history: { create: { tenantId: scope.tenantId, fromStage: null, toStage: input.stage, changedBy: scope.userId } },
      },
      include: opportunityInclude,
    });
  });
  await announceOpportunityChange(scope, null, created);
  return created;
}

/** The opportunity if the caller may see it: same tenant, not deleted, and (for a rep) assigned to them. */
export function findVisibleOpportunity(scope: Scope, id: string): Promise<OpportunityRow | null> {
  return db().opportunity.findFirst({ where: { AND: [visibleWhere(scope), { id }] }, include: opportunityInclude });
}

export async function getOpportunityById(scope: Scope, id: string): Promise<OpportunityRow> {
  const row = await findVisibleOpportunity(scope, id);
  if (!row) throw new NotFoundError("Opportunity");
  return row;
}

/**
 * The two statements of a list page: the page's rows and the filtered total. The page is cut from `opportunities`
 * alone and only its rows are joined to their client and assignee (every opportunity has both); the total comes
 * from opportunity_stage_totals when the filters allow.
 */
export function opportunityPageSql(scope: Scope, query: ListOpportunitiesQuery, today: Date): { rows: Prisma.Sql; total: Prisma.Sql } {
  const where = visibleSql(scope, query, today);
  const order = orderBySql(query.sort);
  const { skip, take } = skipTake(query);
  return {
    rows: Prisma.sql`
      SELECT ${OPPORTUNITY_COLUMNS}
      FROM (SELECT o.* FROM opportunities o WHERE ${where} ORDER BY ${order} LIMIT ${take} OFFSET ${skip}) AS o
      JOIN clients c ON c.id = o.client_id JOIN users u ON u.id = o.assigned_to
      ORDER BY ${order}`,
    total: totalsAnswer(query)
      ? countFromTotalsSql(scope, query)
      : Prisma.sql`SELECT count(*)::int AS total FROM opportunities o WHERE ${where}`,
  };
}

/** A page of the visible opportunities under the filters, with client and assignee joined in the same query. */
export async function getOpportunities(
  scope: Scope,
  query: ListOpportunitiesQuery,
  clock: Clock = systemClock,
): Promise<{ items: OpportunityRow[]; total: number }> {
  const sql = opportunityPageSql(scope, query, utcDate(clock()));
  const [rows, counted] = await Promise.all([queryRows<OpportunitySqlRow>(sql.rows), queryRows<{ total: number }>(sql.total)]);
  return { items: rows.map(toOpportunityRow), total: counted[0]?.total ?? 0 };
}

/**
 * Partial update. Closed deals are final (409). A stage change applies the same rules as `updateStage` (closing
 * sets probability and close date; an open stage takes its default probability unless one is sent), records
 * history and puts the card at the top of its new column. The close date is checked only when it changes.
 */
export async function updateOpportunity(
  scope: Scope,
  id: string,
  input: UpdateOpportunityInput,
  options: WriteOptions = {},
): Promise<OpportunityRow> {
  const today = utcDate((options.clock ?? systemClock)());
  return announcedWrite(scope, id, options.expectedVersion, async (current) => {
    assertEditable(current.stage);
    const data: Prisma.OpportunityUncheckedUpdateManyInput = {
      name: input.name,
      description: input.description,
      clientId: input.client_id,
      estimatedValue: input.estimated_value,
      currency: input.currency,
      probability: input.probability,
      expectedCloseDate: input.expected_close_date,
      assignedTo: input.assigned_to,
    };
    const stageChanges = input.stage !== undefined && input.stage !== current.stage;
    let history: StageChange | undefined;
    let drop: Drop | undefined;
    await collectFieldErrors([
      () => input.assigned_to !== undefined && input.assigned_to !== current.assignedTo && assertAssignable(scope, input.assigned_to),
      () => input.client_id !== undefined && input.client_id !== current.clientId && assertUsableClient(scope, input.client_id),
      () =>
        input.expected_close_date !== undefined &&
        input.expected_close_date.getTime() !== current.expectedCloseDate.getTime() &&
        assertFutureCloseDate(input.expected_close_date, today),
      () => {
        if (!stageChanges) return;
        const entry = enterStage(input.stage!, today, input.loss_reason, input.probability);
        Object.assign(data, entry);
        history = { fromStage: current.stage, toStage: entry.stage, lossReason: entry.lossReason };
        drop = { stage: entry.stage, cardId: id };
      },
    ]);
    return { data, history, drop };
  });
}

/**
 * Moves a card: to another stage (closing rules, history) and/or to a drop point between `before_id` and
 * `after_id` of the target column. Closed is final (409), except reordering a closed card inside its column.
 */
export async function updateStage(scope: Scope, id: string, input: ChangeStageInput, options: WriteOptions = {}): Promise<OpportunityRow> {
  const today = utcDate((options.clock ?? systemClock)());
  return announcedWrite(scope, id, options.expectedVersion, async (current) => {
    assertStageChangeAllowed(current.stage, input.stage);
    const entry = input.stage !== current.stage ? enterStage(input.stage, today, input.loss_reason) : undefined;
    const data: Prisma.OpportunityUncheckedUpdateManyInput = { ...entry };
    const moves = entry || input.before_id || input.after_id;
    const drop = moves ? { stage: input.stage, cardId: id, beforeId: input.before_id, afterId: input.after_id } : undefined;
    const history = entry ? { fromStage: current.stage, toStage: entry.stage, lossReason: entry.lossReason } : undefined;
    return { data, history, drop };
  });
}

/** Soft delete (admins). */
export async function deleteOpportunity(scope: Scope, id: string, options: WriteOptions = {}): Promise<void> {
  if (scope.role !== "ADMIN") throw new ForbiddenError("Only admins can delete opportunities.");
  const now = (options.clock ?? systemClock)();
  await writeVersioned(scope, id, options.expectedVersion, async () => ({ data: { isDeleted: true, deletedAt: now } }));
}

/** Stage changes of a visible opportunity, oldest first. */
export async function getStageHistory(scope: Scope, id: string): Promise<HistoryRow[]> {
  await getOpportunityById(scope, id);
  return db().opportunityStageHistory.findMany({
    where: { tenantId: scope.tenantId, opportunityId: id },
    include: historyInclude,
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
  });
}

export type OverdueOpportunity = OpportunityRow & { daysOverdue: number };

/**
 * Open, non-deleted opportunities whose expected close date is before today, oldest first. Pass a caller's scope
 * (a rep gets only their own) or `{ tenantId }` for a tenant-wide scheduled check.
 */
export async function getOverdueOpportunities(
  target: Scope | { tenantId: string },
  clock: Clock = systemClock,
): Promise<OverdueOpportunity[]> {
  const today = utcDate(clock());
  const ownOnly = "role" in target && !seesWholeTenant(target);
  const rows = await db().opportunity.findMany({
    where: {
      tenantId: target.tenantId,
      isDeleted: false,
      stage: { in: [...OPEN_STAGES] },
      expectedCloseDate: { lt: today },
      ...(ownOnly ? { assignedTo: target.userId } : {}),
    },
    include: opportunityInclude,
    orderBy: [{ expectedCloseDate: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ ...row, daysOverdue: daysOverdue(row.expectedCloseDate, today) }));
}

type StageChange = { fromStage: OpportunityStage; toStage: OpportunityStage; lossReason: string | null };
/** `drop`: where the card goes on the board; its position is computed inside the write's transaction. */
type Change = { data: Prisma.OpportunityUncheckedUpdateManyInput; history?: StageChange; drop?: Drop };

const MAX_ATTEMPTS = 5;

/** A versioned write followed by the alerts it raises (assignment, won, lost). */
async function announcedWrite(
  scope: Scope,
  id: string,
  expectedVersion: number | undefined,
  plan: (current: OpportunityRow) => Promise<Change>,
) {
  let before: OpportunityRow | undefined;
  const after = await writeVersioned(scope, id, expectedVersion, (current) => {
    before = current;
    return plan(current);
  });
  await announceOpportunityChange(scope, before ?? null, after);
  return after;
}

/**
 * A write as compare-and-set on `version`: the UPDATE only matches the version the change was computed from, so
 * of two concurrent writers exactly one wins. With If-Match a lost race is 412; without it the change is
 * recomputed from the fresh row (rules included) a few times. The history row is written in the same transaction.
 */
async function writeVersioned(
  scope: Scope,
  id: string,
  expectedVersion: number | undefined,
  plan: (current: OpportunityRow) => Promise<Change>,
): Promise<OpportunityRow> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await getOpportunityById(scope, id);
    if (expectedVersion !== undefined && expectedVersion !== current.version) throw new PreconditionFailedError();
    const change = await plan(current);
    const written = await db().$transaction(async (tx) => {
      const position = change.drop ? { boardPosition: await dropPosition(tx, scope, change.drop) } : {};
      const { count } = await tx.opportunity.updateMany({
        where: { id, tenantId: scope.tenantId, version: current.version, isDeleted: false },
        data: { ...change.data, ...position, version: { increment: 1 } },
      });
      if (count === 0) return null;
      if (change.history) {
        await tx.opportunityStageHistory.create({
          data: { tenantId: scope.tenantId, opportunityId: id, changedBy: scope.userId, ...change.history },
        });
      }
      return tx.opportunity.findUniqueOrThrow({ where: { id }, include: opportunityInclude });
    });
    if (written) return written;
    if (expectedVersion !== undefined) throw new PreconditionFailedError();
  }
  throw new ConflictError("The opportunity is being changed by someone else; reload it and try again.");
}

/** Runs every check and reports all their field errors at once (other errors pass through). */
async function collectFieldErrors(checks: Array<() => unknown>): Promise<void> {
  const errors: ValidationError["errors"] = [];
  for (const check of checks) {
    try {
      await check();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors.push(...error.errors);
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);
}

async function assertUsableClient(scope: Scope, clientId: string): Promise<void> {
  if (!(await findClient(scope, clientId))) throw ValidationError.field("client_id", "must be an existing client of your company");
}

/** Reps assign only to themselves (403); managers to any active user of the tenant (422). */
async function assertAssignable(scope: Scope, userId: string): Promise<void> {
  if (userId === scope.userId) return;
  if (!seesWholeTenant(scope)) throw new ForbiddenError("Sales reps can only assign opportunities to themselves.");
  if (!(await isActiveTenantUser(scope, userId))) throw ValidationError.field("assigned_to", "must be an active user of your company");
}
