import type { Scope } from "@/lib/scope";
import { ValidationError } from "@/lib/errors";
import { baseCurrencyOf } from "@/lib/tenants";
import { encodeBoardCursor } from "./board-cursor";
import { systemClock, toIsoDate, type Clock } from "@/lib/clock";
import { boardCards, boardFilters } from "./board-repository";
import { stageTotals } from "./repository";
import type { Board, PipelineSummary } from "./rows";
import type { BoardQuery } from "./schemas";

/** The per-stage aggregates the pipeline summary is made of, in base currency (`assigned_to` narrows a manager's view). */
export async function getPipelineSummary(scope: Scope, filters: { assigned_to?: string } = {}): Promise<PipelineSummary> {
  const [baseCurrency, stages] = await Promise.all([baseCurrencyOf(scope), stageTotals(scope, { assigned_to: filters.assigned_to })]);
  return { baseCurrency, stages };
}

/**
 * The Kanban board: every stage (or only `stage`) with its true filtered totals and its first `limit` cards in
 * board order, or with `cursor` the next page of that one column. Two queries whatever the size; "overdue" is as
 * of the clock's day.
 */
export async function getOpportunitiesByStage(scope: Scope, query: BoardQuery, clock: Clock = systemClock): Promise<Board> {
  if (query.cursor !== undefined && query.stage === undefined)
    throw ValidationError.field("cursor", "needs the stage of the column it pages");
  const now = clock();
  const [baseCurrency, totals, cards] = await Promise.all([
    baseCurrencyOf(scope),
    stageTotals(scope, boardFilters(query)),
    boardCards(scope, query, toIsoDate(now), now),
  ]);
  const owners = new Map<string, string>();
  const columns = totals
    .filter((column) => query.stage === undefined || column.stage === query.stage)
    .map((column) => {
      const page = cards.filter((row) => row.stage === column.stage);
      const shown = page.slice(0, query.limit);
      for (const row of shown) owners.set(row.owner_id, row.owner_name);
      const last = shown.at(-1);
      return {
        ...column,
        cards: shown.map((row) => row.card),
        nextCursor: page.length > query.limit && last ? encodeBoardCursor({ position: last.board_position, id: last.id }) : null,
      };
    });
  return { baseCurrency, owners: [...owners].map(([id, name]) => ({ id, name })), columns };
}
