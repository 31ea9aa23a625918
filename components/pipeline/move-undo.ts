import { Decimal, formatPercent } from "@/lib/money";
import { isClosedStage, toBoardCard, type OpportunityOut } from "@/lib/opportunities/browser";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";
import type { PlannedMove } from "./use-move-card";

/** How long a move's toast offers Undo (the closer's reopen window on the server is 10 minutes). */
export const UNDO_TOAST_MS = 6_000;

/** What the toast after a saved move says, with the new probability when the move changed it. */
export function moveMessage(move: PlannedMove, saved: OpportunityOut): string {
  const name = `“${saved.name}”`;
  const probability = new Decimal(saved.probability).eq(move.card.probability) ? "" : ` · probability ${formatPercent(saved.probability)}`;
  if (move.isUndo) return `${name} is back in ${STAGE_LABEL[saved.stage]}${probability}`;
  if (saved.stage === "CLOSED_WON") return `${name} is won`;
  if (saved.stage === "CLOSED_LOST") return `${name} is lost`;
  if (move.reopenReason !== undefined) return `${name} reopened in ${STAGE_LABEL[saved.stage]}${probability}`;
  return `${name} moved to ${STAGE_LABEL[saved.stage]}${probability}`;
}

/**
 * The move that undoes `move` (now saved as `saved`): back to the column and neighbours it left, through the reopen
 * route when the move closed the deal. Null for what has no Undo: an undo itself, or a reopen (asked for in a dialog).
 */
export function undoMove(move: PlannedMove, saved: OpportunityOut, today: string): PlannedMove | null {
  if (move.isUndo || move.reopenReason !== undefined) return null;
  const closes = isClosedStage(saved.stage) && !isClosedStage(move.from);
  return {
    card: toBoardCard(saved, today),
    from: saved.stage,
    stage: move.from,
    beforeId: move.returnTo?.beforeId,
    afterId: move.returnTo?.afterId,
    reopenReason: closes ? "Undone on the board right after closing" : undefined,
    isUndo: true,
  };
}
