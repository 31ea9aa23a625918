import type { Scope } from "@/lib/auth/scope";
import { Prisma } from "@/lib/db/prisma";
import { queryRows } from "@/lib/db/raw-rows";
import { ValidationError } from "@/lib/errors";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { decodeBoardCursor, encodeBoardCursor } from "./board-cursor";
import { visibleSql } from "./filters";
import { STAGES } from "./rules";
import type { BoardQuery, OpportunityFilters, PipelineSummaryOut } from "./schemas";
import { OPPORTUNITY_COLUMNS, OPPORTUNITY_FROM, toOpportunityRow, type OpportunitySqlRow } from "./opportunity-sql";
import { serializeSummary, type OpportunityRow } from "./serialize";
import { stageTotalsFromTotalsSql, totalsAnswer } from "./stage-totals-sql";

/** One stage's aggregates, as exact decimal text from PostgreSQL numeric. */
export type StageTotals = { stage: OpportunityStage; count: number; totalValue: string; weightedValue: string; averageProbability: string };

type Filters = Pick<OpportunityFilters, "assigned_to" | "client_id" | "q" | "stage">;

/**
 * Count, value, weighted value and average probability per stage, in ONE grouped query. A deal's weighted value
 * is round(value × probability / 100, 2) (half away from zero = half up for these non-negative values), and a
 * stage's weighted value is the sum of its deals' rounded ones, so a column's total equals the sum of its cards.
 * Every stage is present, zeros included.
 */
export async function stageTotals(scope: Scope, filters: Filters = {}): Promise<StageTotals[]> {
  const rows = await queryRows<{
    stage: OpportunityStage;
    count: number;
    total_value: string;
    weighted_value: string;
    average_probability: string;
  }>(stageTotalsSql(scope, filters));
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  return STAGES.map((stage) => {
    const row = byStage.get(stage);
    return {
      stage,
      count: row?.count ?? 0,
      totalValue: row?.total_value ?? "0",
      weightedValue: row?.weighted_value ?? "0",
      averageProbability: row?.average_probability ?? "0",
    };
  });
}

/**
 * Read from opportunity_stage_totals when the filters allow (a few rows whatever the number of deals), otherwise
 * grouped over the matching opportunities. round(value × probability / 100, 2) is round(value × probability) / 100
 * exactly (a decimal shift), so both sum the rounded weighted values in whole hundredths and divide once.
 */
export function stageTotalsSql(scope: Scope, filters: Filters = {}): Prisma.Sql {
  if (totalsAnswer(filters)) return stageTotalsFromTotalsSql(scope, filters);
  return Prisma.sql`
    SELECT o.stage::text AS stage,
           count(*)::int AS count,
           sum(o.estimated_value)::text AS total_value,
           round(sum(round(o.estimated_value * o.probability)) / 100, 2)::text AS weighted_value,
           round(avg(o.probability), 2)::text AS average_probability
    FROM opportunities o
    WHERE ${visibleSql(scope, filters)}
    GROUP BY o.stage`;
}

/** The pipeline summary (`assigned_to` narrows a manager's view; a rep only ever sees their own deals). */
export async function getPipelineSummary(scope: Scope, filters: Pick<Filters, "assigned_to"> = {}): Promise<PipelineSummaryOut> {
  return serializeSummary(await stageTotals(scope, { assigned_to: filters.assigned_to }));
}

export type BoardColumn = StageTotals & { items: OpportunityRow[]; nextCursor: string | null };

/**
 * The Kanban board: every stage (or only `stage`) with its true filtered totals and its first `limit` cards in
 * board order, or with `cursor` the next page of that one column. Two queries whatever the size: the grouped
 * totals, and one query that reads the first cards of every column (client and assignee joined).
 */
export async function getOpportunitiesByStage(scope: Scope, query: BoardQuery): Promise<BoardColumn[]> {
  if (query.cursor !== undefined && query.stage === undefined)
    throw ValidationError.field("cursor", "needs the stage of the column it pages");
  const [totals, cards] = await Promise.all([
    stageTotals(scope, boardFilters(query)),
    queryRows<OpportunitySqlRow>(boardCardsSql(scope, query)),
  ]);
  return totals
    .filter((column) => query.stage === undefined || column.stage === query.stage)
    .map((column) => {
      const page = cards.filter((row) => row.stage === column.stage).map(toOpportunityRow);
      const items = page.slice(0, query.limit);
      const last = items.at(-1);
      return {
        ...column,
        items,
        nextCursor: page.length > query.limit && last ? encodeBoardCursor({ position: last.boardPosition, id: last.id }) : null,
      };
    });
}

const boardFilters = (query: BoardQuery): Filters => ({
  assigned_to: query.assigned_to,
  client_id: query.client_id,
  q: query.q,
  stage: query.stage,
});

/** The board's statements: the grouped totals under the filters, and the first `limit + 1` cards of every column. */
export function boardSql(scope: Scope, query: BoardQuery): { totals: Prisma.Sql; cards: Prisma.Sql } {
  return { totals: stageTotalsSql(scope, boardFilters(query)), cards: boardCardsSql(scope, query) };
}

/**
 * Each column's first `limit + 1` cards (one more tells whether a next page exists): one LIMITed subquery per stage,
 * which the board-order index (tenant, stage, position) — or a rep's (assignee, stage) index — answers without
 * reading the rest of the column. Client and assignee are joined for those cards only.
 */
function boardCardsSql(scope: Scope, query: BoardQuery): Prisma.Sql {
  const cursor = query.cursor !== undefined ? decodeBoardCursor(query.cursor) : null;
  const stages = query.stage !== undefined ? [query.stage] : [...STAGES];
  return Prisma.sql`
    SELECT card.* FROM unnest(${stages}::text[]::opportunity_stage[]) AS column_stage(stage)
    CROSS JOIN LATERAL (
      SELECT ${OPPORTUNITY_COLUMNS}
      FROM ${OPPORTUNITY_FROM}
      WHERE ${visibleSql(scope, boardFilters(query))} AND o.stage = column_stage.stage
        ${cursor ? Prisma.sql`AND (o.board_position, o.id) > (${cursor.position}::float8, ${cursor.id}::uuid)` : Prisma.empty}
      ORDER BY o.board_position, o.id
      LIMIT ${query.limit + 1}
    ) AS card
    ORDER BY card.board_position, card.id`;
}
