import type { Scope } from "@/lib/scope";
import { Prisma, type Tx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { visibleWhere } from "./filters";
import { POSITION_GAP, positionBetween } from "./rules";

/**
 * Board positions. A column is one tenant's cards of one stage, ordered by (board_position, id); positions are
 * shared by everyone's view of the column, so a rep's filtered board and a manager's agree on order.
 *
 * A position is computed from its neighbours' positions and written in one transaction that holds the column's
 * lock (`lockColumn`): otherwise a drop computed from positions that a concurrent renumbering has just replaced
 * would land the card anywhere in the column.
 */

type Card = { id: string; boardPosition: number };

/** Serialises position changes in one column until the transaction `tx` ends. */
export async function lockColumn(tx: Tx, tenantId: string, stage: OpportunityStage): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`board-column:${tenantId}:${stage}`}, 0))`;
}

/** Above every card of the column: new cards and cards moved in without a drop point land at the top. */
export async function topOfColumn(tx: Tx, tenantId: string, stage: OpportunityStage, excludeId?: string): Promise<number> {
  const { _min } = await tx.opportunity.aggregate({
    where: { tenantId, stage, isDeleted: false, ...(excludeId ? { id: { not: excludeId } } : {}) },
    _min: { boardPosition: true },
  });
  return _min.boardPosition === null ? 0 : _min.boardPosition - POSITION_GAP;
}

export type Drop = { stage: OpportunityStage; cardId: string; beforeId?: string; afterId?: string };

/**
 * The position of a card dropped in `stage` just below `beforeId` and/or just above `afterId`. With both, the
 * midpoint of the two; with one, the midpoint between it and its actual neighbour in the column (or one gap past
 * it at the column's end), so the card lands exactly next to the card the user dropped it by. When doubles run out
 * of room between the two, the column is renumbered once and the position computed again. Takes the column's lock.
 */
export async function dropPosition(tx: Tx, scope: Scope, drop: Drop): Promise<number> {
  await lockColumn(tx, scope.tenantId, drop.stage);
  const position = await tryDropPosition(tx, scope, drop);
  if (position !== null) return position;
  await renumberColumn(tx, scope.tenantId, drop.stage);
  const retried = await tryDropPosition(tx, scope, drop);
  if (retried === null) throw new Error("No room on the board column after renumbering.");
  return retried;
}

async function tryDropPosition(tx: Tx, scope: Scope, drop: Drop): Promise<number | null> {
  const before = drop.beforeId ? await neighbour(tx, scope, drop, drop.beforeId, "before_id") : null;
  const after = drop.afterId ? await neighbour(tx, scope, drop, drop.afterId, "after_id") : null;
  if (before && after) {
    if (!precedes(before, after)) throw ValidationError.field("before_id", "must be above after_id in the column");
    return positionBetween(before.boardPosition, after.boardPosition);
  }
  if (before)
    return positionBetween(before.boardPosition, (await adjacent(tx, scope.tenantId, drop, before, "below"))?.boardPosition ?? null);
  if (after) return positionBetween((await adjacent(tx, scope.tenantId, drop, after, "above"))?.boardPosition ?? null, after.boardPosition);
  return topOfColumn(tx, scope.tenantId, drop.stage, drop.cardId);
}

async function neighbour(tx: Tx, scope: Scope, drop: Drop, id: string, field: string): Promise<Card> {
  const card =
    id === drop.cardId
      ? null
      : await tx.opportunity.findFirst({
          where: { AND: [visibleWhere(scope), { id, stage: drop.stage }] },
          select: { id: true, boardPosition: true },
        });
  if (!card) throw ValidationError.field(field, "must be another visible card of the target column");
  return card;
}

function precedes(a: Card, b: Card): boolean {
  return a.boardPosition < b.boardPosition || (a.boardPosition === b.boardPosition && a.id < b.id);
}

/** The card directly below (or above) `card` in the whole column, the moving card excluded. */
async function adjacent(tx: Tx, tenantId: string, drop: Drop, card: Card, side: "below" | "above"): Promise<Card | null> {
  const beyond = side === "below" ? "gt" : "lt";
  const direction = side === "below" ? "asc" : "desc";
  return tx.opportunity.findFirst({
    where: {
      tenantId,
      stage: drop.stage,
      isDeleted: false,
      id: { not: drop.cardId },
      OR: [{ boardPosition: { [beyond]: card.boardPosition } }, { boardPosition: card.boardPosition, id: { [beyond]: card.id } }],
    },
    orderBy: [{ boardPosition: direction }, { id: direction }],
    select: { id: true, boardPosition: true },
  });
}

/** Spreads a column's cards POSITION_GAP apart, keeping their order. */
async function renumberColumn(tx: Tx, tenantId: string, stage: OpportunityStage): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    UPDATE opportunities AS o
    SET board_position = ranked.rank * ${POSITION_GAP}::float8
    FROM (
      SELECT id, row_number() OVER (ORDER BY board_position, id) AS rank
      FROM opportunities
      WHERE tenant_id = ${tenantId}::uuid AND stage = ${stage}::opportunity_stage AND is_deleted = false
    ) AS ranked
    WHERE o.id = ranked.id`);
}
