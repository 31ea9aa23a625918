import { Prisma } from "@/lib/db";

/**
 * Every deal of the tenant created before the instant `at`, as it stood then: the change log records every change
 * of the tracked fields, so a field's value at `at` is the old value of its first change at or after `at`, or its
 * value now when it has not changed since. Reads only the changes after `at`, so recent days are cheap.
 *
 * Columns: id, client_id, created_at, stage (text), base_value, probability, expected_close_date, assigned_to
 * (the owner at `at`), is_deleted.
 */
export function dealsAtSql(tenantId: string, at: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT o.id, o.client_id, o.created_at,
           coalesce(l.stage, o.stage::text) AS stage,
           coalesce(l.base_value::numeric, o.base_value) AS base_value,
           coalesce(l.probability::numeric, o.probability) AS probability,
           coalesce(l.expected_close_date::date, o.expected_close_date) AS expected_close_date,
           coalesce(l.owner::uuid, o.assigned_to) AS assigned_to,
           coalesce(l.deleted::boolean, o.is_deleted) AS is_deleted
    FROM opportunities o
    LEFT JOIN (
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
      GROUP BY f.opportunity_id
    ) AS l ON l.opportunity_id = o.id
    WHERE o.tenant_id = ${tenantId}::uuid AND o.created_at < ${at}::timestamptz`;
}
