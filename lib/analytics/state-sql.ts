import { Prisma } from "@/lib/db";

/**
 * Per deal of the tenant changed at or after the instant `at`, the value each tracked field had at `at` (null for a
 * field not changed since): the change log records every change of the tracked fields, so a field's value at `at`
 * is the old value of its first change at or after `at` (its new value for the creation's baseline). Reads only the
 * changes after `at`, so recent instants are cheap.
 *
 * Columns: opportunity_id, stage, base_value, probability, expected_close_date, owner, deleted (all text).
 */
export function valuesAtSql(tenantId: string, at: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT f.opportunity_id,
           max(f.was) FILTER (WHERE f.field = 'stage') AS stage,
           max(f.was) FILTER (WHERE f.field = 'base_value') AS base_value,
           max(f.was) FILTER (WHERE f.field = 'probability') AS probability,
           max(f.was) FILTER (WHERE f.field = 'expected_close_date') AS expected_close_date,
           max(f.was) FILTER (WHERE f.field = 'owner') AS owner,
           max(f.was) FILTER (WHERE f.field = 'deleted') AS deleted
    FROM (
      SELECT DISTINCT ON (c.opportunity_id, c.field) c.opportunity_id, c.field, coalesce(c.old_value, c.new_value) AS was
      FROM opportunity_changes c
      WHERE c.tenant_id = ${tenantId}::uuid AND c.changed_at >= ${at}::timestamptz
      ORDER BY c.opportunity_id, c.field, c.changed_at, c.id
    ) AS f
    GROUP BY f.opportunity_id`;
}

/**
 * The state at `at` of a deal `o` joined to its `valuesAtSql` row `l` (null when unchanged since): the same columns
 * as `dealsAtSql`.
 */
const STATE_AT = Prisma.sql`
  o.id, o.client_id, o.created_at,
  coalesce(l.stage, o.stage::text) AS stage,
  coalesce(l.base_value::numeric, o.base_value) AS base_value,
  coalesce(l.probability::numeric, o.probability) AS probability,
  coalesce(l.expected_close_date::date, o.expected_close_date) AS expected_close_date,
  coalesce(l.owner::uuid, o.assigned_to) AS assigned_to,
  coalesce(l.deleted::boolean, o.is_deleted) AS is_deleted`;

/**
 * Every deal of the tenant created before the instant `at`, as it stood then.
 *
 * Columns: id, client_id, created_at, stage (text), base_value, probability, expected_close_date, assigned_to
 * (the owner at `at`), is_deleted.
 */
export function dealsAtSql(tenantId: string, at: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT ${STATE_AT}
    FROM opportunities o
    LEFT JOIN (${valuesAtSql(tenantId, at)}) AS l ON l.opportunity_id = o.id
    WHERE o.tenant_id = ${tenantId}::uuid AND o.created_at < ${at}::timestamptz`;
}

/**
 * The deals of the tenant that differ at `at` from now — changed at or after `at`, or created since — each with
 * `now_*` columns (its live state: now_stage, now_base_value, now_probability, now_assigned_to, now_is_deleted),
 * `existed` (created before `at`) and its state at `at` (the `dealsAtSql` columns). Every other deal stood at `at`
 * as it stands now, so a figure at `at` is the live figure corrected by these rows alone.
 */
export function dealsChangedSinceSql(tenantId: string, at: Date): Prisma.Sql {
  return Prisma.sql`
    WITH l AS (${valuesAtSql(tenantId, at)})
    SELECT ${STATE_AT}, o.created_at < ${at}::timestamptz AS existed,
           o.stage::text AS now_stage, o.base_value AS now_base_value, o.probability AS now_probability,
           o.expected_close_date AS now_expected_close_date, o.assigned_to AS now_assigned_to, o.is_deleted AS now_is_deleted
    FROM (
      SELECT l.opportunity_id AS id FROM l
      UNION
      SELECT n.id FROM opportunities n WHERE n.tenant_id = ${tenantId}::uuid AND n.created_at >= ${at}::timestamptz
    ) AS ids
    JOIN opportunities o ON o.id = ids.id
    LEFT JOIN l ON l.opportunity_id = ids.id`;
}

/**
 * Per owner (at `at`) and stage, the count and sums of the tenant's live deals at `at` — the columns of
 * opportunity_stage_totals: the live totals, with every deal changed or created since taken out as it is now and put
 * back as it was then, so the work grows with what changed since `at`, not with the pipeline.
 *
 * Columns: assigned_to, stage (text), deals, total_value, weighted_cents, probability_sum.
 */
export function ownerStageTotalsAtSql(tenantId: string, at: Date): Prisma.Sql {
  return Prisma.sql`
    WITH d AS (${dealsChangedSinceSql(tenantId, at)})
    SELECT x.assigned_to, x.stage, sum(x.deals)::int AS deals, sum(x.total_value) AS total_value,
           sum(x.weighted_cents) AS weighted_cents, sum(x.probability_sum) AS probability_sum
    FROM (
      SELECT t.assigned_to, t.stage::text AS stage, t.deals, t.total_value, t.weighted_cents, t.probability_sum
      FROM opportunity_stage_totals t WHERE t.tenant_id = ${tenantId}::uuid
      UNION ALL
      SELECT d.now_assigned_to, d.now_stage, -1, -d.now_base_value, -opportunity_weighted_cents(d.now_base_value, d.now_probability), -d.now_probability
      FROM d WHERE NOT d.now_is_deleted
      UNION ALL
      SELECT d.assigned_to, d.stage, 1, d.base_value, opportunity_weighted_cents(d.base_value, d.probability), d.probability
      FROM d WHERE d.existed AND NOT d.is_deleted
    ) AS x
    GROUP BY x.assigned_to, x.stage
    HAVING sum(x.deals) > 0`;
}
