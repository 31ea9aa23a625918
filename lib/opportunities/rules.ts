import { toIsoDate } from "@/lib/clock";
import { ConflictError, ValidationError } from "@/lib/errors";
import { OpportunityStage, type UserRole } from "@/lib/generated/prisma/enums";
import { Decimal } from "@/lib/money";

/**
 * The pipeline's rules, pure so that the browser (board, forms) and the server apply the same ones. Where SQL needs
 * a rule too, its twin is in rules-sql.ts under the same name.
 */

/** The pipeline, in board order. */
export const STAGES: readonly OpportunityStage[] = [
  OpportunityStage.LEAD,
  OpportunityStage.QUALIFIED,
  OpportunityStage.PROPOSAL,
  OpportunityStage.NEGOTIATION,
  OpportunityStage.CLOSED_WON,
  OpportunityStage.CLOSED_LOST,
];

export const OPEN_STAGES: readonly OpportunityStage[] = STAGES.slice(0, 4);
export const CLOSED_STAGES: readonly OpportunityStage[] = [OpportunityStage.CLOSED_WON, OpportunityStage.CLOSED_LOST];

const DEFAULT_PROBABILITY: Record<OpportunityStage, string> = {
  LEAD: "10.00",
  QUALIFIED: "25.00",
  PROPOSAL: "50.00",
  NEGOTIATION: "75.00",
  CLOSED_WON: "100.00",
  CLOSED_LOST: "0.00",
};

export function isClosedStage(stage: OpportunityStage): boolean {
  return CLOSED_STAGES.includes(stage);
}

/** The probability a deal takes when it enters `stage` without an explicit one. */
export function defaultProbability(stage: OpportunityStage): string {
  return DEFAULT_PROBABILITY[stage];
}

/** round_half_up(value × probability / 100, 2): the same rounding PostgreSQL's round(numeric, 2) applies (SQL: `baseWeightedCentsSql`). */
export function weightedValue(value: Decimal | string, probability: Decimal | string): Decimal {
  return new Decimal(value).mul(probability).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** won / (won + lost) × 100, rounded half up to 2 decimals; 0 when nothing is closed. */
export function winRate(won: number, lost: number): Decimal {
  if (won + lost === 0) return new Decimal(0);
  return new Decimal(won)
    .mul(100)
    .div(won + lost)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** total / count, rounded half up to 2 decimals; 0 when there are no deals. */
export function averageDealSize(total: Decimal | string, count: number): Decimal {
  if (count === 0) return new Decimal(0);
  return new Decimal(total).div(count).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** A stage an opportunity can be created in. */
export function assertOpenStage(stage: OpportunityStage, field = "stage"): void {
  if (isClosedStage(stage)) throw ValidationError.field(field, "a new opportunity must start in an open stage");
}

/** Closed is final: only a closed card's position inside its own column may still change. */
export function assertStageChangeAllowed(current: OpportunityStage, target: OpportunityStage): void {
  if (isClosedStage(current) && target !== current) {
    throw new ConflictError("The opportunity is closed; its stage can no longer change.");
  }
}

export function assertEditable(current: OpportunityStage): void {
  if (isClosedStage(current)) throw new ConflictError("The opportunity is closed and can no longer be updated.");
}

export type StageEntry = {
  stage: OpportunityStage;
  probability: string;
  probabilityIsCustom: boolean;
  actualCloseDate: Date | null;
  lossReason: string | null;
};

/** A probability differing from the stage's default was set by hand (`probability_is_custom`). */
export function isCustomProbability(
  stage: OpportunityStage,
  probability: Decimal | string,
  stageDefault = defaultProbability(stage),
): boolean {
  return !new Decimal(probability).eq(stageDefault);
}

/**
 * What entering `target` sets: closing as won → probability 100, as lost → 0 with a required reason, both
 * closing on `today`; an open stage → `probability` if given (a hand-set one the deal keeps), else the stage's default.
 */
export function enterStage(
  target: OpportunityStage,
  today: Date,
  lossReason?: string | null,
  probability?: string,
  stageDefault = defaultProbability(target),
): StageEntry {
  const closed = { probability: defaultProbability(target), probabilityIsCustom: false, actualCloseDate: today };
  if (target === OpportunityStage.CLOSED_LOST) {
    const reason = lossReason?.trim() ?? "";
    if (reason === "") throw ValidationError.field("loss_reason", "is required when closing an opportunity as lost");
    return { stage: target, ...closed, lossReason: reason };
  }
  if (target === OpportunityStage.CLOSED_WON) return { stage: target, ...closed, lossReason: null };
  const kept = probability ?? stageDefault;
  return {
    stage: target,
    probability: kept,
    probabilityIsCustom: isCustomProbability(target, kept, stageDefault),
    actualCloseDate: null,
    lossReason: null,
  };
}

/** The probability a deal carries into another open stage: its own when set by hand, else none (the default applies). */
export function carriedProbability(probability: Decimal | string, isCustom: boolean): string | undefined {
  return isCustom ? new Decimal(probability).toFixed(2) : undefined;
}

/** How long the user who closed a deal may reopen it themselves (the board's Undo); managers may at any time. */
export const REOPEN_WINDOW_MS = 10 * 60_000;

/** Managers reopen any deal they see; anyone else only one they closed themselves less than 10 minutes ago. */
export function mayReopen(isManager: boolean, userId: string, closing: { changedBy: string; changedAt: Date } | null, now: Date): boolean {
  if (isManager) return true;
  if (!closing || closing.changedBy !== userId) return false;
  return now.getTime() - closing.changedAt.getTime() <= REOPEN_WINDOW_MS;
}

/** A deal is reopened into an open stage only. */
export function assertReopenStage(stage: OpportunityStage): void {
  if (isClosedStage(stage)) throw ValidationError.field("stage", "must be an open stage (Lead, Qualified, Proposal or Negotiation)");
}

/** An expected close date must lie strictly after today (UTC). */
export function assertFutureCloseDate(date: Date, today: Date): void {
  if (date.getTime() <= today.getTime()) throw ValidationError.field("expected_close_date", "must be after today");
}

type Day = string | Date;
const isoDay = (day: Day) => (typeof day === "string" ? day.slice(0, 10) : toIsoDate(day));

/** Open and its expected close date before `today` (UTC days, `YYYY-MM-DD` or their Date). SQL: `overdueSql`. */
export function isOverdue(stage: OpportunityStage, expectedCloseDate: Day, today: Day): boolean {
  return !isClosedStage(stage) && isoDay(expectedCloseDate) < isoDay(today);
}

/** Whole days from the expected close date to `today`, 0 when not yet reached. SQL: `daysOverdueSql`. */
export function daysOverdue(expectedCloseDate: Day, today: Day): number {
  const days = (Date.parse(isoDay(today)) - Date.parse(isoDay(expectedCloseDate))) / 86_400_000;
  return Math.max(0, Math.round(days));
}

/** Who may delete an opportunity (a soft delete): the API operation, the service and the page all ask this. */
export const DELETE_ROLES: readonly UserRole[] = ["ADMIN"];

export function canDeleteOpportunity(role: UserRole): boolean {
  return DELETE_ROLES.includes(role);
}

/** Spacing of board positions: a new card goes one gap above the top, a card dropped at an end one gap past it. */
export const POSITION_GAP = 1024;

/**
 * The position of a card dropped between `above` and `below` (either may be absent: column edge), Twenty-style
 * midpoint. Null when the two are too close for a double to fit between them: the column must be renumbered.
 */
export function positionBetween(above: number | null, below: number | null): number | null {
  if (above === null && below === null) return 0;
  if (above === null) return below! - POSITION_GAP;
  if (below === null) return above + POSITION_GAP;
  const middle = above + (below - above) / 2;
  return middle > above && middle < below ? middle : null;
}
