import { Prisma } from "@/lib/db";
import type { ActivityType, OpportunityStage } from "@/lib/generated/prisma/enums";
import { forecastCategorySql } from "./forecast-category-sql";
import { STAGE_SETTINGS_JOIN, staleAfterDaysSql } from "./stale-sql";
import type { ForecastCategory } from "./stage-settings-schemas";

/**
 * What the module reads. An opportunity is read in one way only — `OPPORTUNITY_COLUMNS` from `OPPORTUNITY_FROM`,
 * mapped by `toOpportunityRow` — whether for a list page, a board column, one deal or the row a write returns, so
 * a new column is one edit here (plus its serializer).
 */
export type OpportunityRow = {
  id: string;
  tenantId: string;
  name: string;
  description: string | null;
  clientId: string;
  assignedTo: string;
  createdBy: string | null;
  estimatedValue: Prisma.Decimal;
  currency: string;
  /** The tenant's base currency, and the value in it (at `baseRate`: today's rate while open, the close day's once closed). */
  baseCurrency: string;
  baseValue: Prisma.Decimal;
  baseRate: Prisma.Decimal;
  probability: Prisma.Decimal;
  probabilityIsCustom: boolean;
  /** Open deals: the category set on the deal, else its stage's; null when closed. */
  forecastCategory: ForecastCategory | null;
  /** True when set on the deal by hand (kept across stage moves); false when it follows the stage. */
  forecastCategoryIsCustom: boolean;
  expectedCloseDate: Date;
  actualCloseDate: Date | null;
  stage: OpportunityStage;
  lossReason: string | null;
  lossReasonId: string | null;
  closeDatePushes: number;
  boardPosition: number;
  version: number;
  isDeleted: boolean;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  client: { id: string; name: string };
  assignedUser: { id: string; name: string; email: string };
  stageEnteredAt: Date;
  lastActivityAt: Date | null;
  nextActivity: NextActivity | null;
  /** The stage's stale threshold in days (fixed or auto); null: off. */
  staleAfterDays: number | null;
};

export type NextActivity = { id: string; type: ActivityType; subject: string; dueAt: Date | null };

/** The deal's next activity `na` (by the id kept on its row) and its stage's settings `ss`; both may be absent. */
const DEAL_EXTRAS_JOIN = Prisma.sql`LEFT JOIN activities na ON na.id = o.next_activity_id ${STAGE_SETTINGS_JOIN}`;

/** The opportunity `o` with its client `c` and assignee `u` (every opportunity has both). */
export const OPPORTUNITY_FROM = Prisma.sql`opportunities o JOIN clients c ON c.id = o.client_id JOIN users u ON u.id = o.assigned_to JOIN tenants t ON t.id = o.tenant_id ${DEAL_EXTRAS_JOIN}`;

/** The joins of `OPPORTUNITY_FROM` after `opportunities o`, for a query that cuts its page of `o` first. */
export const OPPORTUNITY_JOINS = Prisma.sql`JOIN clients c ON c.id = o.client_id JOIN users u ON u.id = o.assigned_to JOIN tenants t ON t.id = o.tenant_id ${DEAL_EXTRAS_JOIN}`;

export const OPPORTUNITY_COLUMNS = Prisma.sql`
  o.id, o.tenant_id, o.name, o.description, o.client_id, o.assigned_to, o.created_by, o.estimated_value, o.currency,
  t.base_currency, o.base_value, o.base_rate, o.probability, o.probability_is_custom, ${forecastCategorySql} AS forecast_category, o.forecast_category IS NOT NULL AS forecast_category_is_custom, o.expected_close_date, o.actual_close_date, o.stage::text AS stage, o.loss_reason, o.loss_reason_id, o.close_date_pushes, o.board_position,
  o.version, o.is_deleted, o.deleted_at, o.created_at, o.updated_at,
  c.name AS client_name, u.name AS assignee_name, u.email AS assignee_email,
  o.stage_entered_at, o.last_activity_at, na.id AS next_activity_id, na.type::text AS next_activity_type,
  na.subject AS next_activity_subject, na.due_at AS next_activity_due_at, ${staleAfterDaysSql} AS stale_after_days`;

export type OpportunitySqlRow = {
  id: string;
  tenant_id: string;
  name: string;
  description: string | null;
  client_id: string;
  assigned_to: string;
  created_by: string | null;
  estimated_value: Prisma.Decimal;
  currency: string;
  base_currency: string;
  base_value: Prisma.Decimal;
  base_rate: Prisma.Decimal;
  probability: Prisma.Decimal;
  probability_is_custom: boolean;
  forecast_category: ForecastCategory | null;
  forecast_category_is_custom: boolean;
  expected_close_date: Date;
  actual_close_date: Date | null;
  stage: OpportunityStage;
  loss_reason: string | null;
  loss_reason_id: string | null;
  close_date_pushes: number;
  board_position: number;
  version: number;
  is_deleted: boolean;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  client_name: string;
  assignee_name: string;
  assignee_email: string;
  stage_entered_at: Date;
  last_activity_at: Date | null;
  next_activity_id: string | null;
  next_activity_type: ActivityType | null;
  next_activity_subject: string | null;
  next_activity_due_at: Date | null;
  stale_after_days: number | null;
};

const decimal = (value: Prisma.Decimal) => (Prisma.Decimal.isDecimal(value) ? value : new Prisma.Decimal(value));

export function toOpportunityRow(r: OpportunitySqlRow): OpportunityRow {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    name: r.name,
    description: r.description,
    clientId: r.client_id,
    assignedTo: r.assigned_to,
    createdBy: r.created_by,
    estimatedValue: decimal(r.estimated_value),
    currency: r.currency,
    baseCurrency: r.base_currency,
    baseValue: decimal(r.base_value),
    baseRate: decimal(r.base_rate),
    probability: decimal(r.probability),
    probabilityIsCustom: r.probability_is_custom,
    forecastCategory: r.forecast_category,
    forecastCategoryIsCustom: r.forecast_category_is_custom,
    expectedCloseDate: r.expected_close_date,
    actualCloseDate: r.actual_close_date,
    stage: r.stage,
    lossReason: r.loss_reason,
    lossReasonId: r.loss_reason_id,
    closeDatePushes: r.close_date_pushes,
    boardPosition: r.board_position,
    version: r.version,
    isDeleted: r.is_deleted,
    deletedAt: r.deleted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    client: { id: r.client_id, name: r.client_name },
    assignedUser: { id: r.assigned_to, name: r.assignee_name, email: r.assignee_email },
    stageEnteredAt: r.stage_entered_at,
    lastActivityAt: r.last_activity_at,
    nextActivity: r.next_activity_id
      ? { id: r.next_activity_id, type: r.next_activity_type!, subject: r.next_activity_subject!, dueAt: r.next_activity_due_at }
      : null,
    staleAfterDays: r.stale_after_days,
  };
}

export type OverdueOpportunity = OpportunityRow & { daysOverdue: number };

export type HistoryRow = {
  id: string;
  fromStage: OpportunityStage | null;
  toStage: OpportunityStage;
  lossReason: string | null;
  reason: string | null;
  changedAt: Date;
  changedByUser: { id: string; name: string };
};

/** One stage's aggregates, as exact decimal text from PostgreSQL numeric. */
export type StageTotals = { stage: OpportunityStage; count: number; totalValue: string; weightedValue: string; averageProbability: string };

/** `cards`: each card's JSON as PostgreSQL built it (`boardCardJsonSql`), in board order. */
export type BoardColumn = StageTotals & { cards: string[]; nextCursor: string | null };

/** Totals are in the tenant's base currency. */
export type PipelineSummary = { baseCurrency: string; stages: StageTotals[] };

export type Board = { baseCurrency: string; owners: { id: string; name: string }[]; columns: BoardColumn[] };
