import { Prisma } from "@/lib/db";

/**
 * The version `v` of each deal of the tenant that existed just before the instant `at` and has changed a state field
 * since: the one in effect then (valid from before `at` until `at` or later). opportunity_versions is kept by a
 * trigger from every write of a state field, so this is one index range over what changed since `at`, and a deal
 * without a row here stood at `at` as it stands now.
 */
export function versionsAtSql(tenantId: string, at: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT v.opportunity_id, v.stage, v.base_value, v.probability, v.expected_close_date, v.assigned_to, v.is_deleted
    FROM opportunity_versions v
    WHERE v.tenant_id = ${tenantId}::uuid AND v.valid_to >= ${at}::timestamptz AND v.valid_from < ${at}::timestamptz`;
}

/** A deal `o` as it stood at the instant of its `versionsAtSql` row `v` (its present state when `v` is null). */
const STATE_AT = Prisma.sql`
  o.id, o.client_id, o.created_at,
  CASE WHEN v.opportunity_id IS NULL THEN o.stage ELSE v.stage END::text AS stage,
  CASE WHEN v.opportunity_id IS NULL THEN o.base_value ELSE v.base_value END AS base_value,
  CASE WHEN v.opportunity_id IS NULL THEN o.probability ELSE v.probability END AS probability,
  CASE WHEN v.opportunity_id IS NULL THEN o.expected_close_date ELSE v.expected_close_date END AS expected_close_date,
  CASE WHEN v.opportunity_id IS NULL THEN o.assigned_to ELSE v.assigned_to END AS assigned_to,
  CASE WHEN v.opportunity_id IS NULL THEN o.is_deleted ELSE v.is_deleted END AS is_deleted`;

/** The present state of a deal `o`, beside its state at an instant. */
const STATE_NOW = Prisma.sql`
  o.stage::text AS now_stage, o.base_value AS now_base_value, o.probability AS now_probability,
  o.expected_close_date AS now_expected_close_date, o.assigned_to AS now_assigned_to, o.is_deleted AS now_is_deleted`;

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
    LEFT JOIN (${versionsAtSql(tenantId, at)}) AS v ON v.opportunity_id = o.id
    WHERE o.tenant_id = ${tenantId}::uuid AND o.created_at < ${at}::timestamptz`;
}

/**
 * The deals of the tenant that differ at `at` from now — a state field changed since, or created since — with their
 * state at `at` (the `dealsAtSql` columns; their present state for those created since), `existed` (created before
 * `at`) and their present state (now_stage, now_base_value, now_probability, now_expected_close_date,
 * now_assigned_to, now_is_deleted). Every other deal stood at `at` as it stands now, so a figure at `at` is the live
 * figure corrected by these rows alone.
 */
export function dealsChangedSinceSql(tenantId: string, at: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT ${STATE_AT}, true AS existed, ${STATE_NOW}
    FROM (${versionsAtSql(tenantId, at)}) AS v
    JOIN opportunities o ON o.id = v.opportunity_id
    UNION ALL
    ${createdSince(tenantId, at, false)}
    UNION ALL
    ${createdSince(tenantId, at, true)}`;
}

/** The deals created since `at`, live or deleted: each set is one range of its own partial index (tenant, created_at). */
function createdSince(tenantId: string, at: Date, deleted: boolean): Prisma.Sql {
  return Prisma.sql`
    SELECT o.id, o.client_id, o.created_at, o.stage::text AS stage, o.base_value, o.probability, o.expected_close_date,
           o.assigned_to, o.is_deleted, false AS existed, ${STATE_NOW}
    FROM opportunities o
    WHERE o.tenant_id = ${tenantId}::uuid AND o.created_at >= ${at}::timestamptz AND o.is_deleted = ${Prisma.raw(String(deleted))}`;
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
