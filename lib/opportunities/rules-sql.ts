import { Prisma } from "@/lib/db";
import { CLOSED_STAGES } from "./rules";

/**
 * The SQL twins of rules.ts, over an opportunity aliased `o`. Each states in SQL exactly what its namesake states in
 * TypeScript; tests/integration/opportunities-rules-sql.test.ts holds the two to the same answers.
 */

/** `isClosedStage` negated, written with <> so that it matches the partial index idx_opportunities_expected_close_date. */
export const openStageSql = Prisma.raw(`(${CLOSED_STAGES.map((stage) => `o.stage <> '${stage}'`).join(" AND ")})`);

/** `isOverdue` as of `today` (YYYY-MM-DD). */
export function overdueSql(today: string): Prisma.Sql {
  return Prisma.sql`(${openStageSql} AND o.expected_close_date < ${today}::date)`;
}

/** `daysOverdue` as of `today` (YYYY-MM-DD), for an overdue deal. */
export function daysOverdueSql(today: string): Prisma.Sql {
  return Prisma.sql`greatest(${today}::date - o.expected_close_date, 0)`;
}

/**
 * `weightedValue` of the deal's base value, in whole cents: round(value × probability), exactly round(value ×
 * probability / 100, 2) shifted by two places. opportunity_weighted_cents is a SQL function (migration
 * 20261206120000_rules_in_sql) that the stage-totals trigger calls too, so the trigger and the queries cannot disagree.
 */
export const baseWeightedCentsSql = Prisma.sql`opportunity_weighted_cents(o.base_value, o.probability)`;
