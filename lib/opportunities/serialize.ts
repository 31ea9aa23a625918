import { systemClock, toIsoDate } from "@/lib/clock";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { etag } from "@/lib/http";
import { Decimal, toMoney } from "@/lib/money";
import type { Board, BoardColumn, HistoryRow, OpportunityRow, PipelineSummary } from "./rows";
import { averageDealSize, isClosedStage, OPEN_STAGES, weightedValue, winRate } from "./rules";
import { boardOwner } from "./board-card";
import { daysInStage, isStale } from "./stale";
import type { OpportunityOut, PipelineSummaryOut, StageHistoryOut } from "./schemas";

/** `now` says how long the deal has sat in its stage and whether it is stale. */
export function serializeOpportunity(row: OpportunityRow, now: Date = systemClock()): OpportunityOut {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    name: row.name,
    description: row.description,
    client_id: row.clientId,
    client: { id: row.client.id, name: row.client.name },
    assigned_to: row.assignedTo,
    assigned_user: { id: row.assignedUser.id, name: row.assignedUser.name, email: row.assignedUser.email },
    estimated_value: toMoney(row.estimatedValue),
    currency: row.currency,
    probability: toMoney(row.probability),
    probability_is_custom: row.probabilityIsCustom,
    forecast_category: row.forecastCategory,
    forecast_category_is_custom: row.forecastCategoryIsCustom,
    weighted_value: toMoney(weightedValue(row.estimatedValue, row.probability)),
    base_currency: row.baseCurrency,
    base_value: toMoney(row.baseValue),
    base_weighted_value: toMoney(weightedValue(row.baseValue, row.probability)),
    fx_rate: isClosedStage(row.stage) ? row.baseRate.toFixed(8) : null,
    expected_close_date: toIsoDate(row.expectedCloseDate),
    actual_close_date: row.actualCloseDate ? toIsoDate(row.actualCloseDate) : null,
    stage: row.stage,
    loss_reason: row.lossReason,
    loss_reason_id: row.lossReasonId,
    close_date_pushes: row.closeDatePushes,
    is_closed: isClosedStage(row.stage),
    is_won: row.stage === "CLOSED_WON",
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    next_activity: row.nextActivity
      ? {
          id: row.nextActivity.id,
          type: row.nextActivity.type,
          subject: row.nextActivity.subject,
          due_at: row.nextActivity.dueAt?.toISOString() ?? null,
        }
      : null,
    last_activity_at: row.lastActivityAt?.toISOString() ?? null,
    stage_entered_at: row.stageEnteredAt.toISOString(),
    days_in_stage: daysInStage(row.stageEnteredAt, now),
    is_stale: isStale({ ...row, nextActivityDueAt: row.nextActivity?.dueAt ?? null }, now),
  };
}

export function serializeHistory(rows: HistoryRow[]): StageHistoryOut {
  return {
    items: rows.map((row) => ({
      id: row.id,
      from_stage: row.fromStage,
      to_stage: row.toStage,
      changed_by: { id: row.changedByUser.id, name: row.changedByUser.name },
      loss_reason: row.lossReason,
      reason: row.reason,
      changed_at: row.changedAt.toISOString(),
    })),
  };
}

/**
 * The summary from per-stage aggregates: totals are exact decimal sums of the stages; win rate and average deal
 * size are rounded half up to 2 decimals ("0.00" when undefined).
 */
export function serializeSummary({ baseCurrency, stages }: PipelineSummary): PipelineSummaryOut {
  const count = (stage: OpportunityStage) => stages.find((s) => s.stage === stage)?.count ?? 0;
  const totalValue = stages.reduce((sum, s) => sum.add(s.totalValue), new Decimal(0));
  const weighted = stages.reduce((sum, s) => sum.add(s.weightedValue), new Decimal(0));
  const total = stages.reduce((sum, s) => sum + s.count, 0);
  const won = count("CLOSED_WON");
  const lost = count("CLOSED_LOST");
  return {
    base_currency: baseCurrency,
    total_opportunities: total,
    total_value: toMoney(totalValue),
    weighted_value: toMoney(weighted),
    by_stage: Object.fromEntries(
      stages.map((s) => [
        s.stage,
        {
          count: s.count,
          total_value: toMoney(s.totalValue),
          weighted_value: toMoney(s.weightedValue),
          average_probability: toMoney(s.averageProbability),
        },
      ]),
    ) as PipelineSummaryOut["by_stage"],
    win_rate: toMoney(winRate(won, lost)),
    average_deal_size: toMoney(averageDealSize(totalValue, total)),
    total_won: won,
    total_lost: lost,
    active_opportunities: OPEN_STAGES.reduce((sum, stage) => sum + count(stage), 0),
  };
}

/**
 * The board as JSON text: the cards arrive as JSON from PostgreSQL and are spliced in as they are, so a board
 * of hundreds of cards is never parsed or serialized object by object. Same shape as `PipelineBoardOut`.
 */
export function serializeBoard(board: Board): string {
  const head = JSON.stringify({ base_currency: board.baseCurrency, owners: board.owners.map(boardOwner) });
  return `${head.slice(0, -1)},"stages":[${board.columns.map(serializeBoardColumn).join(",")}]}`;
}

function serializeBoardColumn(column: BoardColumn): string {
  const totals = JSON.stringify({
    stage: column.stage,
    count: column.count,
    total_value: toMoney(column.totalValue),
    weighted_value: toMoney(column.weightedValue),
  });
  return `${totals.slice(0, -1)},"items":[${column.cards.join(",")}],"next_cursor":${JSON.stringify(column.nextCursor)}}`;
}

/** The board as an API answer (see `serializeBoard`). */
export function boardResponse(board: Board): Response {
  return new Response(serializeBoard(board), { headers: { "content-type": "application/json" } });
}

/** A single opportunity as JSON, with its version as the ETag a client sends back in If-Match. */
export function opportunityResponse(row: OpportunityRow, status: 200 | 201 = 200): Response {
  return Response.json(serializeOpportunity(row), { status, headers: { etag: etag(row.version) } });
}
