import { type Scope, seesWholeTenant } from "@/lib/scope";
import { findClient } from "@/lib/clients";
import { systemClock, toIsoDate, utcDate, type Clock } from "@/lib/clock";
import type { Prisma, Tx } from "@/lib/db";
import { ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from "@/lib/errors";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { isActiveTenantUser } from "@/lib/users";
import { lossReasonLabel } from "@/lib/loss-reasons";
import { baseCurrencyOf } from "@/lib/tenants";
import { announceOpportunityChange } from "./alerts";
import { announceInTransaction } from "./webhook-events";
import { writeTransaction } from "./write-transaction";
import { dropPosition, lockColumn, topOfColumn, type Drop } from "./board-position";
import { baseAmount, type BaseAmount } from "./conversion";
import {
  findOpportunity,
  insertOpportunity,
  insertStageChange,
  opportunityPage,
  overdueOpportunities,
  stageHistory,
  staleOpportunities,
  updateOpportunityRow,
  type StageChange,
} from "./repository";
import type { HistoryRow, OpportunityRow, OverdueOpportunity } from "./rows";
import {
  assertEditable,
  assertFutureCloseDate,
  assertOpenStage,
  assertStageChangeAllowed,
  canDeleteOpportunity,
  carriedProbability,
  enterStage,
  isClosedStage,
  isCustomProbability,
} from "./rules";
import { stageProbability } from "./stage-settings";
import type { ChangeStageInput, CreateOpportunityInput, ListOpportunitiesQuery, UpdateOpportunityInput } from "./schemas";

/** Options of every write: the version the caller last saw (If-Match) and the clock that says what "today" is. */
export type WriteOptions = { expectedVersion?: number; clock?: Clock };

const today = (clock: Clock = systemClock) => utcDate(clock());
/** When a change happened: read inside the write, once its turn came, so history keeps the order writes took. */
export const instant = (clock: Clock = systemClock) => clock();

export async function createOpportunity(scope: Scope, input: CreateOpportunityInput, clock: Clock = systemClock): Promise<OpportunityRow> {
  const assignedTo = input.assigned_to ?? scope.userId;
  const currency = input.currency ?? (await baseCurrencyOf(scope));
  let base: BaseAmount | undefined;
  await collectFieldErrors([
    () => assertOpenStage(input.stage),
    () => assertFutureCloseDate(input.expected_close_date, today(clock)),
    () => assertUsableClient(scope, input.client_id),
    () => assertAssignable(scope, assignedTo),
    async () => (base = await baseAmount(scope, currency, input.estimated_value, toIsoDate(today(clock)))),
  ]);
  // The new card goes on top of its column, under the column's lock (see board-position.ts); like every writer of
  // the column it may wait its turn, so it gets the same time as a write of a deal.
  const created = await writeTransaction(
    scope,
    clock,
    async (tx) => {
      await lockColumn(tx, scope.tenantId, input.stage);
      const id = await insertOpportunity(tx, {
        tenantId: scope.tenantId,
        name: input.name,
        description: input.description ?? null,
        clientId: input.client_id,
        assignedTo,
        createdBy: scope.userId,
        estimatedValue: input.estimated_value,
        currency,
        ...base!,
        ...(await openStageProbability(scope, input.stage, input.probability, tx)),
        expectedCloseDate: input.expected_close_date,
        stage: input.stage,
        createdAt: clock(),
        boardPosition: await topOfColumn(tx, scope.tenantId, input.stage),
        stageEnteredAt: clock(),
      });
      const row = (await findOpportunity(scope, id, { tx }))!;
      await announceInTransaction(tx, scope, null, row, clock);
      return row;
    },
    { maxWait: WRITE_WAIT_MS, timeout: WRITE_WAIT_MS },
  );
  await announceOpportunityChange(scope, null, created);
  return created;
}

/** The opportunity if the caller may see it: same tenant, not deleted, and (for a rep) assigned to them. */
export function findVisibleOpportunity(scope: Scope, id: string): Promise<OpportunityRow | null> {
  return findOpportunity(scope, id);
}

export async function getOpportunityById(scope: Scope, id: string): Promise<OpportunityRow> {
  const row = await findOpportunity(scope, id);
  if (!row) throw new NotFoundError("Opportunity");
  return row;
}

/** A page of the visible opportunities under the filters, with client and assignee. */
export function getOpportunities(
  scope: Scope,
  query: ListOpportunitiesQuery,
  clock: Clock = systemClock,
): Promise<{ items: OpportunityRow[]; total: number }> {
  return opportunityPage(scope, query, toIsoDate(today(clock)));
}

/** Open, visible opportunities whose expected close date is before today, oldest first. */
export function getOverdueOpportunities(scope: Scope, clock: Clock = systemClock): Promise<OverdueOpportunity[]> {
  return overdueOpportunities(scope, toIsoDate(today(clock)));
}

/** The caller's own stale deals as of the clock (the Today page). */
export function getMyStaleOpportunities(scope: Scope, clock: Clock = systemClock): Promise<OpportunityRow[]> {
  return staleOpportunities(scope, clock());
}

/** Stage changes of a visible opportunity, oldest first. */
export async function getStageHistory(scope: Scope, id: string): Promise<HistoryRow[]> {
  await getOpportunityById(scope, id);
  return stageHistory(scope, id);
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
  const day = today(options.clock);
  return announcedWrite(scope, id, options, input.stage, async (current, tx) => {
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
      forecastCategory: input.forecast_category,
      probabilityIsCustom:
        input.probability !== undefined
          ? isCustomProbability(current.stage, input.probability, await stageProbability(scope, current.stage, tx))
          : undefined,
    };
    const stageChanges = input.stage !== undefined && input.stage !== current.stage;
    let history: StageChange | undefined;
    let drop: Drop | undefined;
    await collectFieldErrors([
      () => input.assigned_to !== undefined && input.assigned_to !== current.assignedTo && assertAssignable(scope, input.assigned_to, tx),
      () => input.client_id !== undefined && input.client_id !== current.clientId && assertUsableClient(scope, input.client_id, tx),
      () =>
        input.expected_close_date !== undefined &&
        input.expected_close_date.getTime() !== current.expectedCloseDate.getTime() &&
        assertFutureCloseDate(input.expected_close_date, day),
      async () => {
        if (!stageChanges) return;
        const reason = await closingReason(scope, input.stage!, input, tx);
        const probability = input.probability ?? carriedProbability(current.probability, current.probabilityIsCustom);
        const entry = enterStage(input.stage!, day, reason.text, probability, await stageProbability(scope, input.stage!, tx));
        const enteredAt = instant(options.clock);
        Object.assign(data, entry, { lossReasonId: reason.id, stageEnteredAt: enteredAt });
        history = { fromStage: current.stage, toStage: entry.stage, lossReason: entry.lossReason, changedAt: enteredAt };
        drop = { stage: entry.stage, cardId: id };
      },
      async () => {
        const converts = input.estimated_value !== undefined || (input.currency !== undefined && input.currency !== current.currency);
        if (!converts && !(stageChanges && isClosedStage(input.stage!))) return;
        const value = input.estimated_value ?? current.estimatedValue.toFixed(2);
        Object.assign(data, await baseAmount(scope, input.currency ?? current.currency, value, toIsoDate(day), tx));
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
  const day = today(options.clock);
  return announcedWrite(scope, id, options, input.stage, async (current, tx) => {
    assertStageChangeAllowed(current.stage, input.stage);
    const reason = input.stage !== current.stage ? await closingReason(scope, input.stage, input, tx) : undefined;
    const entry = reason
      ? {
          ...enterStage(
            input.stage,
            day,
            reason.text,
            carriedProbability(current.probability, current.probabilityIsCustom),
            await stageProbability(scope, input.stage, tx),
          ),
          lossReasonId: reason.id,
        }
      : undefined;
    // Closing freezes the deal's rate: the base value at the close day's rate, never restated again.
    const frozen =
      entry && isClosedStage(entry.stage)
        ? await baseAmount(scope, current.currency, current.estimatedValue.toFixed(2), toIsoDate(day), tx)
        : {};
    const enteredAt = (options.clock ?? systemClock)();
    const data: Prisma.OpportunityUncheckedUpdateManyInput = { ...entry, ...frozen, ...(entry ? { stageEnteredAt: enteredAt } : {}) };
    const moves = entry || input.before_id || input.after_id;
    const drop = moves ? { stage: input.stage, cardId: id, beforeId: input.before_id, afterId: input.after_id } : undefined;
    const history = entry
      ? { fromStage: current.stage, toStage: entry.stage, lossReason: entry.lossReason, changedAt: enteredAt }
      : undefined;
    return { data, history, drop };
  });
}

/** A new deal's probability: the one sent (hand-set when it differs from the stage's default), else the stage's default. */
async function openStageProbability(scope: Scope, stage: OpportunityStage, probability: string | undefined, tx: Tx) {
  const stageDefault = await stageProbability(scope, stage, tx);
  return {
    probability: probability ?? stageDefault,
    probabilityIsCustom: probability !== undefined && isCustomProbability(stage, probability, stageDefault),
  };
}

/** Soft delete (admins). */
export async function deleteOpportunity(scope: Scope, id: string, options: WriteOptions = {}): Promise<void> {
  if (!canDeleteOpportunity(scope.role)) throw new ForbiddenError("Only admins can delete opportunities.");
  const now = (options.clock ?? systemClock)();
  await writeInTurn(scope, id, options, undefined, async () => ({ data: { isDeleted: true, deletedAt: now } }));
}

/** `drop`: where the card goes on the board; its position is computed inside the write's transaction. */
type Change = { data: Prisma.OpportunityUncheckedUpdateManyInput; history?: StageChange; drop?: Drop };
type Plan = (current: OpportunityRow, tx: Tx) => Promise<Change>;

/** A write followed by the alerts it raises (assignment, won, lost). */
export async function announcedWrite(
  scope: Scope,
  id: string,
  options: WriteOptions,
  targetStage: OpportunityStage | undefined,
  plan: Plan,
) {
  const { before, after } = await writeInTurn(scope, id, options, targetStage, plan);
  await announceOpportunityChange(scope, before, after);
  return after;
}

const CHANGED_MEANWHILE = "Someone else changed this opportunity meanwhile. Reload it to see their changes, then try again.";

/** Writers of one deal queue on its row lock; each may wait this long for its turn (and for a connection). */
const WRITE_WAIT_MS = 15_000;

/**
 * One write of a deal, in one transaction holding the deal's row lock, so concurrent writers take turns and each
 * plans its change (rules included) from the row as the previous writer left it. With If-Match, a version that
 * moved on is 412. A write that may move the card first takes the target column's lock: column before row is the
 * order every path keeps (renumbering a column locks the column, then its rows), so no two writers deadlock.
 */
async function writeInTurn(
  scope: Scope,
  id: string,
  { expectedVersion, clock = systemClock }: WriteOptions,
  targetStage: OpportunityStage | undefined,
  plan: Plan,
): Promise<{ before: OpportunityRow; after: OpportunityRow }> {
  return writeTransaction(
    scope,
    clock,
    async (tx) => {
      if (targetStage !== undefined) await lockColumn(tx, scope.tenantId, targetStage);
      const locked = await findOpportunity(scope, id, { tx, lock: true });
      if (!locked) throw new NotFoundError("Opportunity");
      if (expectedVersion !== undefined && expectedVersion !== locked.version) throw new PreconditionFailedError(CHANGED_MEANWHILE);
      const change = await plan(locked, tx);
      const position = change.drop ? { boardPosition: await dropPosition(tx, scope, change.drop) } : {};
      await updateOpportunityRow(tx, scope, id, locked.version, { ...change.data, ...position });
      if (change.history) await insertStageChange(tx, scope, id, change.history);
      const after = await findOpportunity(scope, id, { tx });
      // Open boards re-read the columns the deal left and entered (a deleted deal is no longer found: it left).
      await announceInTransaction(tx, scope, locked, after, clock);
      return { before: locked, after: after! };
    },
    { maxWait: WRITE_WAIT_MS, timeout: WRITE_WAIT_MS },
  );
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

/** Closing lost with a reason from the company's list: its id, and the loss text (the label unless text is sent). */
async function closingReason(
  scope: Scope,
  stage: OpportunityStage,
  input: { loss_reason?: string | null; loss_reason_id?: string },
  tx: Tx,
): Promise<{ text: string | null | undefined; id: string | null }> {
  if (stage !== "CLOSED_LOST" || input.loss_reason_id === undefined) return { text: input.loss_reason, id: null };
  const label = await lossReasonLabel(scope, input.loss_reason_id, tx);
  return { text: input.loss_reason?.trim() || label, id: input.loss_reason_id };
}

async function assertUsableClient(scope: Scope, clientId: string, tx?: Tx): Promise<void> {
  if (!(await findClient(scope, clientId, tx))) throw ValidationError.field("client_id", "must be an existing client of your company");
}

/** Reps assign only to themselves (403); managers to any active user of the tenant (422). */
async function assertAssignable(scope: Scope, userId: string, tx?: Tx): Promise<void> {
  if (userId === scope.userId) return;
  if (!seesWholeTenant(scope)) throw new ForbiddenError("Sales reps can only assign opportunities to themselves.", "assigned_to");
  if (!(await isActiveTenantUser(scope, userId, tx))) throw ValidationError.field("assigned_to", "must be an active user of your company");
}
