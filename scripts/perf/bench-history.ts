import type pg from "pg";

/** The open stages in pipeline order, each with its default probability; a closed deal's last step is its close. */
const PATH = ["LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION"];
const PROBABILITIES = ["10", "25", "50", "75"];

/** A history is realistic when its baselines are dated at the deals' creation, spread over the seeded year. */
export async function hasRealisticHistory(client: pg.Client, tenantId: string): Promise<boolean> {
  const { rows } = await client.query<{ spread: boolean }>(
    "SELECT coalesce(max(changed_at) - min(changed_at) > interval '200 days', false) AS spread FROM opportunity_changes WHERE tenant_id = $1",
    [tenantId],
  );
  return rows[0]!.spread;
}

/**
 * Replaces the change log (and what is kept from it) the insert trigger wrote (every baseline at the moment of seeding) with the history a real
 * tenant would have: each deal's baseline at its creation as a LEAD, then one step a stage (stage and probability
 * changed together) up to its present stage, a step every two weeks at most, the last ending at its present values.
 * About 1.3 million rows for 100,000 deals; the as-of and analytics routes then read a year of history, as in use.
 */
export async function seedHistory(client: pg.Client, tenantId: string): Promise<number> {
  await client.query("DELETE FROM opportunity_stage_spans WHERE tenant_id = $1", [tenantId]);
  await client.query("DELETE FROM opportunity_changes WHERE tenant_id = $1", [tenantId]);
  const deals = `
    WITH d AS (
      SELECT o.id, o.tenant_id, o.assigned_to, o.created_at, o.estimated_value, o.base_value, o.probability,
             o.expected_close_date, o.currency, o.is_deleted, o.stage::text AS stage,
             coalesce(array_position($2::text[], o.stage::text), 5) - 1 AS k
      FROM opportunities o WHERE o.tenant_id = $1
    )
    SELECT d.*, least((now() - d.created_at) / (d.k + 1), interval '14 days') AS step FROM d`;
  const baselines = await client.query(
    `INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_by, changed_at)
     SELECT s.tenant_id, s.id, f.field, NULL, f.value, s.assigned_to, s.created_at
     FROM (${deals}) s,
     LATERAL (VALUES ('stage', CASE WHEN s.k = 0 THEN s.stage ELSE 'LEAD' END),
                     ('value', s.estimated_value::text), ('base_value', s.base_value::text),
                     ('probability', CASE WHEN s.k = 0 THEN s.probability::text ELSE ($3::text[])[1]::numeric(5, 2)::text END),
                     ('expected_close_date', s.expected_close_date::text), ('owner', s.assigned_to::text),
                     ('currency', s.currency), ('deleted', s.is_deleted::text)) AS f(field, value)`,
    [tenantId, PATH, PROBABILITIES],
  );
  const steps = await client.query(
    `INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_by, changed_at)
     SELECT s.tenant_id, s.id, f.field, f.old, f.new, s.assigned_to, s.created_at + s.step * i
     FROM (${deals}) s, generate_series(1, s.k) AS i,
     LATERAL (VALUES ('stage', ($2::text[])[i], CASE WHEN i = s.k THEN s.stage ELSE ($2::text[])[i + 1] END),
                     ('probability', ($3::text[])[i]::numeric(5, 2)::text,
                      CASE WHEN i = s.k THEN s.probability::text ELSE ($3::text[])[i + 1]::numeric(5, 2)::text END)) AS f(field, old, new)
     WHERE f.old IS DISTINCT FROM f.new
     ORDER BY s.created_at + s.step * i`,
    [tenantId, PATH, PROBABILITIES],
  );
  // The stays in stages follow the inserted stage changes (a trigger); the versions of the deals' state are rebuilt,
  // deal by deal. Without statistics of the fresh log each call's plan looks costly enough to be JIT-compiled: 100,000
  // compilations ran for more than 15 minutes before we stopped them; with statistics and no JIT the whole history,
  // rebuild included, is written in under two minutes.
  await client.query("ANALYZE opportunities, opportunity_changes, opportunity_versions");
  await client.query("SET jit = off");
  await client.query("SELECT opportunity_versions_rebuild(id) FROM opportunities WHERE tenant_id = $1", [tenantId]);
  await client.query("RESET jit");
  await seedStageHistory(client, tenantId);
  return (baselines.rowCount ?? 0) + (steps.rowCount ?? 0);
}

/** Whether the deals' stage history (what the forecast's win rates read) is there. */
export async function hasStageHistory(client: pg.Client, tenantId: string): Promise<boolean> {
  const { rows } = await client.query("SELECT 1 FROM opportunity_stage_history WHERE tenant_id = $1 LIMIT 1", [tenantId]);
  return rows.length > 0;
}

/** The stage history the app writes beside the change log: one row per stage change, the close's loss reason on a loss. */
export async function seedStageHistory(client: pg.Client, tenantId: string): Promise<number> {
  // The reached stages are only ever OR-ed in (the app never deletes history): they go with the history they came from.
  await client.query("DELETE FROM opportunity_stages_reached WHERE tenant_id = $1", [tenantId]);
  await client.query("DELETE FROM opportunity_stage_history WHERE tenant_id = $1", [tenantId]);
  const { rowCount } = await client.query(
    `INSERT INTO opportunity_stage_history (tenant_id, opportunity_id, from_stage, to_stage, changed_by, loss_reason, changed_at)
     SELECT c.tenant_id, c.opportunity_id, c.old_value::opportunity_stage, c.new_value::opportunity_stage, o.assigned_to,
            CASE WHEN c.new_value = 'CLOSED_LOST' THEN o.loss_reason END, c.changed_at
     FROM opportunity_changes c JOIN opportunities o ON o.id = c.opportunity_id
     WHERE c.tenant_id = $1 AND c.field = 'stage'
     ORDER BY c.changed_at, c.id`,
    [tenantId],
  );
  return rowCount ?? 0;
}
