import { Prisma, queryRows } from "@/lib/db";
import { forecastCategorySql, openStageSql, ownerVisibleSql, STAGE_SETTINGS_JOIN } from "@/lib/opportunities";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import type { Scope } from "@/lib/scope";
import type { ForecastPeriod } from "./periods";

/** The periods as a relation `p(idx, p_from, p_to)`. */
function periodsSql(periods: ForecastPeriod[]): Prisma.Sql {
  return Prisma.sql`SELECT * FROM unnest(${periods.map((_, i) => i)}::int[], ${periods.map((p) => p.from)}::date[], ${periods.map((p) => p.to)}::date[]) AS p(idx, p_from, p_to)`;
}

/**
 * The index of the period holding `date`, for a date inside the window: the periods are consecutive, so it is the
 * number of period starts on or before it, less one (one binary search instead of a join over every period).
 */
function periodIndexSql(periods: ForecastPeriod[], date: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(width_bucket(${date}, ${periods.map((p) => p.from)}::date[]) - 1)`;
}

/**
 * The visible, live deals of the window: won ones with their close date in it, or open ones with their expected
 * close date in it (each read through its own index: the two are separate scans, never one OR).
 */
function windowDealsWhere(scope: Scope, periods: ForecastPeriod[], assignedTo: string | undefined, deals: "won" | "open"): Prisma.Sql {
  const [first, last] = [periods[0]!.from, periods.at(-1)!.to];
  const which =
    deals === "won"
      ? Prisma.sql`o.stage = 'CLOSED_WON' AND o.actual_close_date BETWEEN ${first}::date AND ${last}::date`
      : Prisma.sql`${openStageSql} AND o.expected_close_date BETWEEN ${first}::date AND ${last}::date`;
  return Prisma.sql`o.tenant_id = ${scope.tenantId}::uuid AND o.is_deleted = false
    AND ${ownerVisibleSql(scope, Prisma.sql`o.assigned_to`, assignedTo)} AND ${which}`;
}

/** One row per period and rep (`user_id`), and one per period for everyone (`user_id` null); decimals as text. */
export type ForecastRow = {
  idx: number;
  user_id: string | null;
  user_name: string | null;
  target: string;
  closed_won: string;
  commit: string;
  best_case: string;
  pipeline: string;
  weighted: string;
  attainment: string | null;
  gap: string;
  open_deals: number;
};

const NOBODY = "00000000-0000-0000-0000-000000000000";

/**
 * The forecast's figures, exact in SQL: per period and rep, and per period, the targets (sum of the months), the won
 * value (by close date) and the open value per forecast category, the weighted value of the open deals not OMITTED
 * (whole cents summed, divided once), attainment (won ÷ target × 100, half up) and the gap to target (never below 0).
 * The deals are summed per period and rep first; the periods' totals are summed from those (a hundred-odd rows, not
 * every deal again).
 */
export function forecastRows(scope: Scope, periods: ForecastPeriod[], assignedTo?: string): Promise<ForecastRow[]> {
  return queryRows<ForecastRow>(Prisma.sql`
    WITH p AS (${periodsSql(periods)}),
    d AS (
      SELECT ${periodIndexSql(periods, Prisma.sql`o.actual_close_date`)} AS idx, o.assigned_to, 'WON' AS category, o.base_value, o.probability
      FROM opportunities o
      WHERE ${windowDealsWhere(scope, periods, assignedTo, "won")}
      UNION ALL
      SELECT ${periodIndexSql(periods, Prisma.sql`o.expected_close_date`)}, o.assigned_to, ${forecastCategorySql}, o.base_value, o.probability
      FROM opportunities o ${STAGE_SETTINGS_JOIN}
      WHERE ${windowDealsWhere(scope, periods, assignedTo, "open")}
    ),
    per_rep AS (
      SELECT idx, assigned_to,
             coalesce(sum(base_value) FILTER (WHERE category = 'WON'), 0) AS closed_won,
             coalesce(sum(base_value) FILTER (WHERE category = 'COMMIT'), 0) AS commit,
             coalesce(sum(base_value) FILTER (WHERE category = 'BEST_CASE'), 0) AS best_case,
             coalesce(sum(base_value) FILTER (WHERE category = 'PIPELINE'), 0) AS pipeline,
             coalesce(sum(opportunity_weighted_cents(base_value, probability)) FILTER (WHERE category IN ('COMMIT', 'BEST_CASE', 'PIPELINE')), 0) AS weighted_cents,
             count(*) FILTER (WHERE category <> 'WON')::int AS open_deals
      FROM d GROUP BY idx, assigned_to
    ),
    amounts AS (
      SELECT idx, coalesce(assigned_to, ${NOBODY}::uuid) AS user_key, assigned_to IS NULL AS everyone,
             sum(closed_won) AS closed_won, sum(commit) AS commit, sum(best_case) AS best_case, sum(pipeline) AS pipeline,
             round(sum(weighted_cents) / 100, 2) AS weighted, sum(open_deals)::int AS open_deals
      FROM per_rep GROUP BY GROUPING SETS ((idx, assigned_to), (idx))
    ),
    targets AS (
      SELECT p.idx, coalesce(t.user_id, ${NOBODY}::uuid) AS user_key, t.user_id IS NULL AS everyone, sum(t.amount) AS target
      FROM sales_targets t JOIN p ON t.month BETWEEN p.p_from AND p.p_to
      WHERE t.tenant_id = ${scope.tenantId}::uuid AND ${ownerVisibleSql(scope, Prisma.sql`t.user_id`, assignedTo)}
      GROUP BY GROUPING SETS ((p.idx, t.user_id), (p.idx))
    ),
    merged AS (
      SELECT coalesce(a.idx, t.idx) AS idx, coalesce(a.user_key, t.user_key) AS user_key, coalesce(a.everyone, t.everyone) AS everyone,
             coalesce(t.target, 0) AS target, coalesce(a.closed_won, 0) AS closed_won, coalesce(a.commit, 0) AS commit,
             coalesce(a.best_case, 0) AS best_case, coalesce(a.pipeline, 0) AS pipeline, coalesce(a.weighted, 0) AS weighted,
             coalesce(a.open_deals, 0) AS open_deals
      FROM amounts a FULL JOIN targets t ON t.idx = a.idx AND t.user_key = a.user_key AND t.everyone = a.everyone
    )
    SELECT m.idx, CASE WHEN m.everyone THEN NULL ELSE m.user_key END AS user_id, u.name AS user_name,
           m.target::text AS target, m.closed_won::text AS closed_won, m.commit::text AS commit, m.best_case::text AS best_case,
           m.pipeline::text AS pipeline, m.weighted::text AS weighted,
           CASE WHEN m.target > 0 THEN round(m.closed_won * 100 / m.target, 2)::text END AS attainment,
           greatest(m.target - m.closed_won, 0)::text AS gap, m.open_deals
    FROM merged m LEFT JOIN users u ON u.id = m.user_key AND NOT m.everyone
    ORDER BY m.idx, m.everyone DESC, u.name, m.user_key`);
}

/** The open deals of the window grouped by period, rep and stage: their base values in cents, comma-separated in id order (text parses faster than an int8[]). */
export type SimulationGroup = { idx: number; user_id: string; stage: OpportunityStage; cents: string };

export function simulationGroups(scope: Scope, periods: ForecastPeriod[], assignedTo?: string): Promise<SimulationGroup[]> {
  return queryRows<SimulationGroup>(Prisma.sql`
    SELECT ${periodIndexSql(periods, Prisma.sql`o.expected_close_date`)} AS idx, o.assigned_to AS user_id, o.stage::text AS stage,
           string_agg((o.base_value * 100)::bigint::text, ',' ORDER BY o.id) AS cents
    FROM opportunities o
    WHERE ${windowDealsWhere(scope, periods, assignedTo, "open")}
    GROUP BY 1, o.assigned_to, o.stage
    ORDER BY 1, o.assigned_to, o.stage`);
}
