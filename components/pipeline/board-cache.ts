import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { Decimal, toMoney } from "@/lib/money";
import {
  boardOwner,
  cardBaseValue,
  carriedProbability,
  isCustomProbability,
  enterStage,
  toBoardCard,
  weightedValue,
  type BoardCardOut,
  type BoardColumnOut,
  type BoardOwnerOut,
  type OpportunityOut,
} from "@/lib/opportunities/browser";
import type { BoardData, ColumnPage } from "./board-api";

/** Pure updates of the board's cached data: what a move, a server answer or a loaded page does to it. */

export type CardMove = {
  cardId: string;
  stage: OpportunityStage;
  beforeId?: string;
  afterId?: string;
  lossReason?: string;
  /** YYYY-MM-DD (UTC): the close date a closing move sets. */
  today: string;
};

/** A card with the column it is in. */
export type PlacedCard = { card: BoardCardOut; stage: OpportunityStage };

export function findCard(board: BoardData, id: string): PlacedCard | undefined {
  for (const column of board.stages) {
    const card = column.items.find((item) => item.id === id);
    if (card) return { card, stage: column.stage };
  }
  return undefined;
}

/**
 * What the server will set when the card enters `stage`: the same `enterStage` rule the server applies. The card
 * does not carry `probability_is_custom`; a probability off its column's default is taken as set by hand (the
 * server's answer then replaces the card in the rare case it was not).
 */
function entered({ card, stage }: PlacedCard, move: CardMove): BoardCardOut {
  if (stage === move.stage) return card;
  const entry = enterStage(
    move.stage,
    new Date(`${move.today}T00:00:00.000Z`),
    move.lossReason,
    carriedProbability(card.probability, isCustomProbability(stage, card.probability)),
  );
  const closes = entry.actualCloseDate !== null;
  const { overdue, ...rest } = card;
  return {
    ...rest,
    probability: toMoney(entry.probability),
    close_date: closes ? move.today : card.close_date,
    ...(overdue && !closes ? { overdue } : {}),
  };
}

const plus = (a: string, b: string) => toMoney(new Decimal(a).add(b));
const minus = (a: string, b: string) => toMoney(new Decimal(a).sub(b));
const baseWeighted = (card: BoardCardOut) => toMoney(weightedValue(cardBaseValue(card), card.probability));

function without(column: BoardColumnOut, card: BoardCardOut): BoardColumnOut {
  return {
    ...column,
    items: column.items.filter((item) => item.id !== card.id),
    count: column.count - 1,
    total_value: minus(column.total_value, cardBaseValue(card)),
    weighted_value: minus(column.weighted_value, baseWeighted(card)),
  };
}

function withCard(column: BoardColumnOut, card: BoardCardOut, beforeId?: string, afterId?: string): BoardColumnOut {
  const items = [...column.items];
  const below = beforeId ? items.findIndex((item) => item.id === beforeId) + 1 : -1;
  const above = afterId ? items.findIndex((item) => item.id === afterId) : -1;
  const index = below > 0 ? below : above >= 0 ? above : 0;
  items.splice(index, 0, card);
  return {
    ...column,
    items,
    count: column.count + 1,
    total_value: plus(column.total_value, cardBaseValue(card)),
    weighted_value: plus(column.weighted_value, baseWeighted(card)),
  };
}

/** The card leaves its column and lands in `move.stage` between its drop neighbours, totals (base currency) adjusted exactly. */
export function moveCard(board: BoardData, move: CardMove): BoardData {
  const placed = findCard(board, move.cardId);
  if (!placed) return board;
  const moved = entered(placed, move);
  return {
    ...board,
    stages: board.stages.map((column) => {
      let next = column.stage === placed.stage ? without(column, placed.card) : column;
      if (column.stage === move.stage) next = withCard(next, moved, move.beforeId, move.afterId);
      return next;
    }),
  };
}

function withOwners(owners: BoardOwnerOut[], more: BoardOwnerOut[]): BoardOwnerOut[] {
  const known = new Set(owners.map((owner) => owner.id));
  const added = more.filter((owner) => !known.has(owner.id));
  return added.length > 0 ? [...owners, ...added] : owners;
}

/** The server's version of a deal replaces the optimistic card in place. */
export function replaceCard(board: BoardData, deal: OpportunityOut, today: string): BoardData {
  const card = toBoardCard(deal, today);
  return {
    ...board,
    owners: withOwners(board.owners, [boardOwner(deal.assigned_user)]),
    stages: board.stages.map((column) =>
      column.items.some((item) => item.id === card.id)
        ? { ...column, items: column.items.map((item) => (item.id === card.id ? card : item)) }
        : column,
    ),
  };
}

/** A loaded page appended to its column (cards already shown, e.g. moved in meanwhile, are not repeated). */
export function appendPage(board: BoardData, { column: page, owners }: ColumnPage): BoardData {
  return {
    ...board,
    owners: withOwners(board.owners, owners),
    stages: board.stages.map((column) => {
      if (column.stage !== page.stage) return column;
      const shown = new Set(column.items.map((item) => item.id));
      return {
        ...page,
        items: [...column.items, ...page.items.filter((item) => !shown.has(item.id))],
      };
    }),
  };
}

/** The server's true column totals over the cached cards. */
export function mergeTotals(board: BoardData, totals: BoardData): BoardData {
  return {
    ...board,
    stages: board.stages.map((column) => {
      const fresh = totals.stages.find((s) => s.stage === column.stage);
      return fresh ? { ...column, count: fresh.count, total_value: fresh.total_value, weighted_value: fresh.weighted_value } : column;
    }),
  };
}

/** A column re-read from the server (its first cards and true totals) replaces the cached one. */
export function replaceColumn(board: BoardData, { column: fresh, owners }: ColumnPage): BoardData {
  return {
    ...board,
    owners: withOwners(board.owners, owners),
    stages: board.stages.map((column) => (column.stage === fresh.stage ? fresh : column)),
  };
}

/** A deleted card leaves its column, the totals with it. */
export function removeCard(board: BoardData, id: string): BoardData {
  const placed = findCard(board, id);
  if (!placed) return board;
  return { ...board, stages: board.stages.map((column) => (column.stage === placed.stage ? without(column, placed.card) : column)) };
}
