import type { Scope } from "@/lib/auth/scope";
import { db, Prisma } from "@/lib/db/prisma";
import { ValidationError } from "@/lib/errors";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { visibleWhere } from "./filters";
import { POSITION_GAP, positionBetween } from "./rules";

/**
 * Board positions. A column is one tenant's cards of one stage, ordered by (board_position, id); positions are
 * shared by everyone's view of the column, so a rep's filtered board and a manager's agree on order.
 */

type Card = { id: string; boardPosition: number };

/** Above every card of the column: new cards and cards moved in without a drop point land at the top. */
export async function topOfColumn(tenantId: string, stage: OpportunityStage, excludeId?: string): Promise<number> {
  const { _min } = await db().opportunity.aggregate({
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
 * of room between the two, the column is renumbered once and the position computed again.
 */
export async function dropPosition(scope: Scope, drop: Drop): Promise<number> {
  const position = await tryDropPosition(scope, drop);
  if (position !== null) return position;
  await renumberColumn(scope.tenantId, drop.stage);
  const retried = await tryDropPosition(scope, drop);
  if (retried === null) throw new Error("No room on the board column after renumbering.");
  return retried;
}

async function tryDropPosition(scope: Scope, drop: Drop): Promise<number | null> {
  const before = drop.beforeId ? await neighbour(scope, drop, drop.beforeId, "before_id") : null;
  const after = drop.afterId ? await neighbour(scope, drop, drop.afterId, "after_id") : null;
  if (before && after) {
    if (!precedes(before, after)) throw ValidationError.field("before_id", "must be above after_id in the column");
    return positionBetween(before.boardPosition, after.boardPosition);
  }
  if (before) return positionBetween(before.boardPosition, (await adjacent(scope.tenantId, drop, before, "below"))?.boardPosition ?? null);
  if (after) return positionBetween((await adjacent(scope.tenantId, drop, after, "above"))?.boardPosition ?? null, after.boardPosition);
  return topOfColumn(scope.tenantId, drop.stage, drop.cardId);
}

async function neighbour(scope: Scope, drop: Drop, id: string, field: string): Promise<Card> {
  const card =
    id === drop.cardId
      ? null
      : await db().opportunity.findFirst({
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
async function adjacent(tenantId: string, drop: Drop, card: Card, side: "below" | "above"): Promise<Card | null> {
  const beyond = side === "below" ? "gt" : "lt";
  const direction = side === "below" ? "asc" : "desc";
  return db().opportunity.findFirst({
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
async function renumberColumn(tenantId: string, stage: OpportunityStage): Promise<void> {
  await db().$executeRaw(Prisma.sql`
    UPDATE opportunities AS o
    SET board_position = ranked.rank * ${POSITION_GAP}::float8
    FROM (
      SELECT id, row_number() OVER (ORDER BY board_position, id) AS rank
      FROM opportunities
      WHERE tenant_id = ${tenantId}::uuid AND stage = ${stage}::opportunity_stage AND is_deleted = false
    ) AS ranked
    WHERE o.id = ranked.id`);
}
