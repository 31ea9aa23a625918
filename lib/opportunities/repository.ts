import { toBaseSql } from "@/lib/currency";
import type { Scope } from "@/lib/scope";
import { db, Prisma, queryRows, type Tx } from "@/lib/db";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { skipTake } from "@/lib/http";
import { orderBySql, visibleSql } from "./filters";
import {
  OPPORTUNITY_COLUMNS,
  OPPORTUNITY_FROM,
  OPPORTUNITY_JOINS,
  toOpportunityRow,
  type HistoryRow,
  type OpportunityRow,
  type OpportunitySqlRow,
  type StageTotals,
} from "./rows";
import { STAGES } from "./rules";
import { baseWeightedCentsSql, daysOverdueSql, openStageSql, overdueSql } from "./rules-sql";
import type { ListOpportunitiesQuery, OpportunityFilters } from "./schemas";
import { isStaleSql } from "./stale-sql";
import { countFromTotalsSql, stageTotalsFromTotalsSql, totalsAnswer } from "./stage-totals-sql";

/** The module's queries, each narrowed by the caller's scope. Rules and transactions are in service.ts. */

/** The visible opportunity `id`; with `lock`, its row stays locked (FOR UPDATE) until the transaction `tx` ends. */
export async function findOpportunity(scope: Scope, id: string, options: { tx?: Tx; lock?: boolean } = {}): Promise<OpportunityRow | null> {
  const rows = await queryRows<OpportunitySqlRow>(
    Prisma.sql`SELECT ${OPPORTUNITY_COLUMNS} FROM ${OPPORTUNITY_FROM}
      WHERE ${visibleSql(scope)} AND o.id = ${id}::uuid ${options.lock ? Prisma.sql`FOR UPDATE OF o` : Prisma.empty}`,
    options.tx,
  );
  return rows[0] ? toOpportunityRow(rows[0]) : null;
}

/**
 * The two statements of a list page: the page's rows and the filtered total. The page is cut from `opportunities`
 * alone and only its rows are joined to their client and assignee; the total comes from opportunity_stage_totals
 * when the filters allow.
 */
function opportunityPageSql(scope: Scope, query: ListOpportunitiesQuery, today: string): { rows: Prisma.Sql; total: Prisma.Sql } {
  const where = visibleSql(scope, query, today);
  const order = orderBySql(query.sort);
  const { skip, take } = skipTake(query);
  return {
    rows: Prisma.sql`
      SELECT ${OPPORTUNITY_COLUMNS}
      FROM (SELECT o.* FROM opportunities o WHERE ${where} ORDER BY ${order} LIMIT ${take} OFFSET ${skip}) AS o
      ${OPPORTUNITY_JOINS}
      ORDER BY ${order}`,
    total: totalsAnswer(query)
      ? countFromTotalsSql(scope, query)
      : Prisma.sql`SELECT count(*)::int AS total FROM opportunities o WHERE ${where}`,
  };
}

export async function opportunityPage(
  scope: Scope,
  query: ListOpportunitiesQuery,
  today: string,
): Promise<{ items: OpportunityRow[]; total: number }> {
  const sql = opportunityPageSql(scope, query, today);
  const [rows, counted] = await Promise.all([queryRows<OpportunitySqlRow>(sql.rows), queryRows<{ total: number }>(sql.total)]);
  return { items: rows.map(toOpportunityRow), total: counted[0]?.total ?? 0 };
}

/** The visible overdue opportunities as of `today`, oldest expected close date first, with their days overdue. */
export async function overdueOpportunities(scope: Scope, today: string): Promise<Array<OpportunityRow & { daysOverdue: number }>> {
  const rows = await queryRows<OpportunitySqlRow & { days_overdue: number }>(Prisma.sql`
    SELECT ${OPPORTUNITY_COLUMNS}, ${daysOverdueSql(today)} AS days_overdue
    FROM ${OPPORTUNITY_FROM}
    WHERE ${visibleSql(scope)} AND ${overdueSql(today)}
    ORDER BY o.expected_close_date, o.id`);
  return rows.map((row) => ({ ...toOpportunityRow(row), daysOverdue: row.days_overdue }));
}

/** Stage changes of one opportunity (already known visible), oldest first. */
export function stageHistory(scope: Scope, id: string): Promise<HistoryRow[]> {
  return db().opportunityStageHistory.findMany({
    where: { tenantId: scope.tenantId, opportunityId: id },
    select: {
      id: true,
      fromStage: true,
      toStage: true,
      lossReason: true,
      reason: true,
      changedAt: true,
      changedByUser: { select: { id: true, name: true } },
    },
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
  });
}

export type NewOpportunity = Omit<Prisma.OpportunityUncheckedCreateInput, "history">;

/** Inserts a deal and its first history entry; returns its id. */
export async function insertOpportunity(tx: Tx, data: NewOpportunity): Promise<string> {
  const { id } = await tx.opportunity.create({
    data: {
      ...data,
      history: {
        create: {
          tenantId: data.tenantId,
          fromStage: null,
          toStage: data.stage!,
          changedBy: data.createdBy!,
          changedAt: data.stageEnteredAt,
        },
      },
    },
    select: { id: true },
  });
  return id;
}

/** Writes `data` to the deal at `version` and bumps the version; false when the version moved on. */
export async function updateOpportunityRow(
  tx: Tx,
  scope: Scope,
  id: string,
  version: number,
  data: Prisma.OpportunityUncheckedUpdateManyInput,
): Promise<boolean> {
  const { count } = await tx.opportunity.updateMany({
    where: { id, tenantId: scope.tenantId, version, isDeleted: false },
    data: { ...data, version: { increment: 1 } },
  });
  return count > 0;
}

/** `changedAt`: when the deal entered `toStage`, the same instant as its `stage_entered_at`; `reason` says why a closed deal was reopened. */
export type StageChange = {
  fromStage: OpportunityStage;
  toStage: OpportunityStage;
  lossReason: string | null;
  reason?: string;
  changedAt: Date;
};

export async function insertStageChange(tx: Tx, scope: Scope, id: string, change: StageChange): Promise<void> {
  await tx.opportunityStageHistory.create({ data: { tenantId: scope.tenantId, opportunityId: id, changedBy: scope.userId, ...change } });
}

/** Who moved the deal into its closed stage `stage`, and when (its latest such history entry). */
export function lastClosing(
  tx: Tx,
  scope: Scope,
  id: string,
  stage: OpportunityStage,
): Promise<{ changedBy: string; changedAt: Date } | null> {
  return tx.opportunityStageHistory.findFirst({
    where: { tenantId: scope.tenantId, opportunityId: id, toStage: stage },
    select: { changedBy: true, changedAt: true },
    orderBy: [{ changedAt: "desc" }, { id: "desc" }],
  });
}

export type Filters = Pick<OpportunityFilters, "assigned_to" | "client_id" | "q" | "stage">;

/**
 * Count, value, weighted value (both in the base currency) and average probability per stage, in ONE grouped query, every stage present (zeros
 * included). A stage's weighted value is the sum of its deals' rounded ones, so a column's total equals the sum of
 * its cards.
 */
export async function stageTotals(scope: Scope, filters: Filters = {}): Promise<StageTotals[]> {
  return everyStage(await queryRows<StageTotalsRow>(stageTotalsSql(scope, filters)));
}

/** One grouped row of a stage-totals query (the live one or the one rebuilt as of a day). */
export type StageTotalsRow = {
  stage: OpportunityStage;
  count: number;
  total_value: string;
  weighted_value: string;
  average_probability: string;
};

/** The totals of every stage in board order, zeros for a stage without rows. */
export function everyStage(rows: StageTotalsRow[]): StageTotals[] {
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
 * grouped over the matching opportunities; both sum weighted values in whole cents and divide once.
 */
function stageTotalsSql(scope: Scope, filters: Filters = {}): Prisma.Sql {
  if (totalsAnswer(filters)) return stageTotalsFromTotalsSql(scope, filters);
  return Prisma.sql`
    SELECT o.stage::text AS stage,
           count(*)::int AS count,
           sum(o.base_value)::text AS total_value,
           round(sum(${baseWeightedCentsSql}) / 100, 2)::text AS weighted_value,
           round(avg(o.probability), 2)::text AS average_probability
    FROM opportunities o
    WHERE ${visibleSql(scope, filters)}
    GROUP BY o.stage`;
}

/**
 * Restates the open, live deals whose stored rate is not the rate of `day` (the latest `effective_from` on or before
 * it): their base value becomes their value at that rate. Closed deals keep the rate of their close. One statement;
 * the stage-totals trigger moves every total by exactly the converted difference. Returns how many deals changed.
 */
export async function restateOpenDeals(day: string, filter: { tenantId?: string; currencies?: string[] } = {}, tx?: Tx): Promise<number> {
  const tenant = filter.tenantId ? Prisma.sql`AND r.tenant_id = ${filter.tenantId}::uuid` : Prisma.empty;
  const currencies = filter.currencies ? Prisma.sql`AND r.currency = ANY(${filter.currencies}::text[])` : Prisma.empty;
  return (tx ?? db()).$executeRaw`
    UPDATE opportunities o SET base_rate = cur.rate, base_value = ${toBaseSql(Prisma.sql`o.estimated_value`, Prisma.sql`cur.rate`)}
    FROM (
      SELECT DISTINCT ON (r.tenant_id, r.currency) r.tenant_id, r.currency, r.rate
      FROM exchange_rates r
      WHERE r.effective_from <= ${day}::date ${tenant} ${currencies}
      ORDER BY r.tenant_id, r.currency, r.effective_from DESC
    ) AS cur
    WHERE o.tenant_id = cur.tenant_id AND o.currency = cur.currency AND o.is_deleted = false AND ${openStageSql}
      AND o.base_rate <> cur.rate`;
}

/** The caller's own open deals that are stale as of `now`, longest in their stage first. */
export async function staleOpportunities(scope: Scope, now: Date): Promise<OpportunityRow[]> {
  const rows = await queryRows<OpportunitySqlRow>(Prisma.sql`
    SELECT ${OPPORTUNITY_COLUMNS} FROM ${OPPORTUNITY_FROM}
    WHERE ${visibleSql(scope, { assigned_to: scope.userId })} AND ${isStaleSql(now)}
    ORDER BY o.stage_entered_at, o.id
    LIMIT 100`);
  return rows.map(toOpportunityRow);
}
