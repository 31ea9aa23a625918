import type { Scope } from "@/lib/auth/scope";
import { db, Prisma } from "@/lib/db/prisma";
import { ValidationError } from "@/lib/errors";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { decodeBoardCursor, encodeBoardCursor } from "./board-cursor";
import { visibleSql } from "./filters";
import { STAGES } from "./rules";
import type { BoardQuery, OpportunityFilters, PipelineSummaryOut } from "./schemas";
import { OPPORTUNITY_COLUMNS, OPPORTUNITY_FROM, toOpportunityRow, type OpportunitySqlRow } from "./opportunity-sql";
import { serializeSummary, type OpportunityRow } from "./serialize";

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
  const rows = await db().$queryRaw<Array<{ stage: OpportunityStage; count: number; total_value: string; weighted_value: string; average_probability: string }>>`
    SELECT o.stage::text AS stage,
           count(*)::int AS count,
           sum(o.estimated_value)::text AS total_value,
           sum(round(o.estimated_value * o.probability / 100, 2))::text AS weighted_value,
           round(avg(o.probability), 2)::text AS average_probability
    FROM opportunities o
    WHERE ${visibleSql(scope, filters)}
    GROUP BY o.stage`;
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

/** The pipeline summary (`assigned_to` narrows a manager's view; a rep only ever sees their own deals). */
export async function getPipelineSummary(scope: Scope, filters: Pick<Filters, "assigned_to"> = {}): Promise<PipelineSummaryOut> {
  return serializeSummary(await stageTotals(scope, { assigned_to: filters.assigned_to }));
}

export type BoardColumn = StageTotals & { items: OpportunityRow[]; nextCursor: string | null };

/**
 * The Kanban board: every stage (or only `stage`) with its true filtered totals and its first `limit` cards in
 * board order, or with `cursor` the next page of that one column. Two queries whatever the size: the grouped
 * totals, and one window-function query that caps every column at once (client and assignee joined).
 */
export async function getOpportunitiesByStage(scope: Scope, query: BoardQuery): Promise<BoardColumn[]> {
  if (query.cursor !== undefined && query.stage === undefined) throw ValidationError.field("cursor", "needs the stage of the column it pages");
  const cursor = query.cursor !== undefined ? decodeBoardCursor(query.cursor) : null;
  const filters = { assigned_to: query.assigned_to, client_id: query.client_id, q: query.q, stage: query.stage };
  const [totals, ranked] = await Promise.all([
    stageTotals(scope, filters),
    db().$queryRaw<OpportunitySqlRow[]>`
      SELECT ranked.* FROM (
        SELECT ${OPPORTUNITY_COLUMNS},
               row_number() OVER (PARTITION BY o.stage ORDER BY o.board_position, o.id) AS board_rank
        FROM ${OPPORTUNITY_FROM}
        WHERE ${visibleSql(scope, filters)}
          ${cursor ? Prisma.sql`AND (o.board_position, o.id) > (${cursor.position}::float8, ${cursor.id}::uuid)` : Prisma.empty}
      ) AS ranked
      WHERE ranked.board_rank <= ${query.limit + 1}
      ORDER BY ranked.board_position, ranked.id`,
  ]);
  return totals
    .filter((column) => query.stage === undefined || column.stage === query.stage)
    .map((column) => {
      const page = ranked.filter((row) => row.stage === column.stage).map(toOpportunityRow);
      const items = page.slice(0, query.limit);
      const last = items.at(-1);
      return {
        ...column,
        items,
        nextCursor: page.length > query.limit && last ? encodeBoardCursor({ position: last.boardPosition, id: last.id }) : null,
      };
    });
}
