import type { Scope } from "@/lib/scope";
import { Prisma, queryPreparedRows } from "@/lib/db";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { boardCardJsonSql } from "./board-card-sql";
import { STAGE_SETTINGS_JOIN } from "./stale-sql";
import { decodeBoardCursor } from "./board-cursor";
import { visibleSql } from "./filters";
import type { Filters } from "./repository";
import { STAGES } from "./rules";
import type { BoardQuery } from "./schemas";

export type BoardCardRow = {
  stage: OpportunityStage;
  board_position: number;
  id: string;
  owner_id: string;
  owner_name: string;
  /** The card's JSON (`boardCardJsonSql`). */
  card: string;
};

export const boardFilters = (query: BoardQuery): Filters => ({
  assigned_to: query.assigned_to,
  client_id: query.client_id,
  q: query.q,
  stage: query.stage,
});

export function boardCards(scope: Scope, query: BoardQuery, today: string, now: Date): Promise<BoardCardRow[]> {
  return queryPreparedRows<BoardCardRow>(boardCardsSql(scope, query, today, now));
}

/**
 * Each column's first `limit + 1` cards (one more tells whether a next page exists): one LIMITed subquery per stage,
 * which the board-order index (tenant, stage, position) — or a rep's (assignee, stage) index — answers without
 * reading the rest of the column. Client, owner, next activity (by the id on the deal's row) and stage settings are joined for those cards only;
 * the tenant's base currency (a card in it leaves its currency out) is read once.
 */
function boardCardsSql(scope: Scope, query: BoardQuery, today: string, now: Date): Prisma.Sql {
  const cursor = query.cursor !== undefined ? decodeBoardCursor(query.cursor) : null;
  const stages = query.stage !== undefined ? [query.stage] : [...STAGES];
  return Prisma.sql`
    SELECT card.* FROM unnest(${stages}::text[]::opportunity_stage[]) AS column_stage(stage)
    CROSS JOIN (SELECT base_currency FROM tenants WHERE id = ${scope.tenantId}::uuid) AS tenant
    CROSS JOIN LATERAL (
      SELECT o.stage::text AS stage, o.board_position, o.id, o.assigned_to AS owner_id, u.name AS owner_name,
             ${boardCardJsonSql(today, now)} AS card
      FROM opportunities o JOIN clients c ON c.id = o.client_id JOIN users u ON u.id = o.assigned_to
        LEFT JOIN activities na ON na.id = o.next_activity_id ${STAGE_SETTINGS_JOIN}
      WHERE ${visibleSql(scope, boardFilters(query))} AND o.stage = column_stage.stage
        ${cursor ? Prisma.sql`AND (o.board_position, o.id) > (${cursor.position}::float8, ${cursor.id}::uuid)` : Prisma.empty}
      ORDER BY o.board_position, o.id
      LIMIT ${query.limit + 1}
    ) AS card
    ORDER BY card.board_position, card.id`;
}
