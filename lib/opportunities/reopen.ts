import { type Scope, seesWholeTenant } from "@/lib/scope";
import { toIsoDate, utcDate } from "@/lib/clock";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { baseAmount } from "./conversion";
import { lastClosing } from "./repository";
import type { OpportunityRow } from "./rows";
import { stageProbability } from "./stage-settings";
import { assertReopenStage, enterStage, isClosedStage, mayReopen } from "./rules";
import type { ReopenInput } from "./schemas";
import { announcedWrite, instant, type WriteOptions } from "./service";

/**
 * Moves a closed deal back to an open stage (managers; the user who closed it, for 10 minutes: the board's Undo).
 * The close is undone: close date, loss reason and frozen rate go (the deal converts at today's rate again), the
 * probability takes the stage's default, and the history entry keeps the reason.
 */
export async function reopenOpportunity(scope: Scope, id: string, input: ReopenInput, options: WriteOptions = {}): Promise<OpportunityRow> {
  assertReopenStage(input.stage);
  return announcedWrite(scope, id, options, input.stage, async (current, tx) => {
    const now = instant(options.clock);
    const day = utcDate(now);
    if (!isClosedStage(current.stage)) throw new ConflictError("The opportunity is open; only a closed deal can be reopened.", "stage");
    const closing = await lastClosing(tx, scope, id, current.stage);
    if (!mayReopen(seesWholeTenant(scope), scope.userId, closing, now)) {
      throw new ForbiddenError("Only a manager, or whoever closed the deal in the last 10 minutes, can reopen it.");
    }
    const entry = enterStage(input.stage, day, null, undefined, await stageProbability(scope, input.stage, tx));
    const restated = await baseAmount(scope, current.currency, current.estimatedValue.toFixed(2), toIsoDate(day), tx);
    return {
      data: { ...entry, ...restated },
      history: { fromStage: current.stage, toStage: entry.stage, lossReason: null, reason: input.reason, changedAt: now },
      drop: { stage: entry.stage, cardId: id, beforeId: input.before_id, afterId: input.after_id },
    };
  });
}
