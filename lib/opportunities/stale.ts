import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { isClosedStage } from "./rules";

/** How long a deal has sat in its stage, and whether it went stale there. SQL twins in stale-sql.ts. */

const DAY_MS = 86_400_000;

/** Whole days since the deal entered its stage. SQL: `daysInStageSql`. */
export function daysInStage(stageEnteredAt: Date, now: Date): number {
  return Math.floor((now.getTime() - stageEnteredAt.getTime()) / DAY_MS);
}

export type StaleFacts = {
  stage: OpportunityStage;
  stageEnteredAt: Date;
  lastActivityAt: Date | null;
  nextActivityDueAt: Date | null;
  /** The stage's threshold in days (fixed or auto); null: off. */
  staleAfterDays: number | null;
};

/**
 * Stale: open, in its stage longer than the threshold, no activity done in the last threshold days, and no open
 * activity due from now on (a planned next step keeps a deal fresh). SQL: `isStaleSql`.
 */
export function isStale(deal: StaleFacts, now: Date): boolean {
  const threshold = deal.staleAfterDays;
  if (threshold === null || isClosedStage(deal.stage)) return false;
  if (daysInStage(deal.stageEnteredAt, now) <= threshold) return false;
  const windowStart = now.getTime() - threshold * DAY_MS;
  if (deal.lastActivityAt !== null && deal.lastActivityAt.getTime() > windowStart) return false;
  return !(deal.nextActivityDueAt !== null && deal.nextActivityDueAt.getTime() >= now.getTime());
}
