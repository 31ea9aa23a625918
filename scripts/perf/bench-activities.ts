import type pg from "pg";

const log = (message: string) => process.stderr.write(`[bench-db] ${message}\n`);

/**
 * Activities on the bench tenant's deals as a team has them, three a deal on average: deals are ranked by a hash
 * into 100 equal classes; 8 % have none, 6 % one, 75 % two to four, 11 % five to eight. A closed deal's are all done
 * between its creation and its close. An open deal's are done up to its last, which is (by another hash) open and
 * due in the next three weeks (half of them, with an open one a week later behind it when there are five or more),
 * open and overdue (a fifth), open without a due time (a tenth) or done (a fifth: no next step). Each is owned and
 * written by the deal's owner, on the deal's client. Times follow `now()`; everything else follows the deal's rank.
 */
const INSERT_ACTIVITIES = `
  WITH numbered AS (
    SELECT o.id, o.tenant_id, o.client_id, o.assigned_to, o.created_at, o.actual_close_date,
           o.stage IN ('CLOSED_WON', 'CLOSED_LOST') AS closed,
           row_number() OVER (ORDER BY o.created_at, o.id)::int AS g
    FROM opportunities o WHERE o.tenant_id = $1
  ),
  classed AS (
    SELECT n.*, ((row_number() OVER (ORDER BY hashint4(-n.g), n.g) - 1) * 100 / count(*) OVER ())::int AS class,
           abs(hashint4(n.g * 3) % 10) AS fate
    FROM numbered n
  ),
  deals AS (
    SELECT c.*,
           CASE WHEN c.class < 8 THEN 0 WHEN c.class < 14 THEN 1 WHEN c.class < 35 THEN 2 WHEN c.class < 64 THEN 3
                WHEN c.class < 89 THEN 4 WHEN c.class < 94 THEN 5 WHEN c.class < 98 THEN 6 ELSE 8 END AS n,
           CASE WHEN c.closed THEN least(now(), greatest(c.created_at, (c.actual_close_date + interval '17 hours') AT TIME ZONE 'UTC'))
                ELSE greatest(c.created_at, now() - make_interval(days => c.g % 45)) END AS worked_until
    FROM classed c
  ),
  steps AS (
    SELECT d.*, i,
           CASE WHEN d.closed OR i < d.n - 1 OR d.fate >= 8 THEN 'done'
                WHEN i = d.n - 1 THEN CASE WHEN d.n >= 5 AND d.fate < 5 THEN 'later' ELSE 'done' END
                WHEN d.fate < 5 THEN 'future' WHEN d.fate < 7 THEN 'overdue' ELSE 'undated' END AS state,
           d.created_at + (d.worked_until - d.created_at) * i / (d.n + 1) AS worked_at
    FROM deals d, generate_series(1, d.n) AS i
  ),
  timed AS (
    SELECT s.*,
           CASE s.state WHEN 'done' THEN (ARRAY['CALL', 'EMAIL', 'MEETING', 'NOTE', 'CALL', 'EMAIL', 'TASK'])[1 + (s.g + s.i) % 7]
                        ELSE (ARRAY['CALL', 'MEETING', 'EMAIL', 'TASK', 'CALL'])[1 + (s.g + s.i) % 5] END::activity_type AS type,
           CASE s.state
             WHEN 'future' THEN date_trunc('hour', now()) + make_interval(days => 1 + s.g % 21, hours => s.g % 8)
             WHEN 'later' THEN date_trunc('hour', now()) + make_interval(days => 8 + s.g % 21, hours => s.g % 8)
             WHEN 'overdue' THEN greatest(s.created_at + interval '1 hour', date_trunc('hour', now()) - make_interval(days => 1 + s.g % 14))
           END AS due_at
    FROM steps s
  )
  INSERT INTO activities (tenant_id, opportunity_id, client_id, type, subject, note, due_at, done_at, assigned_to, created_by, created_at, updated_at)
  SELECT t.tenant_id, t.id, t.client_id, t.type,
         CASE t.type
           WHEN 'CALL' THEN (ARRAY['Discovery call', 'Follow-up call on the proposal', 'Check in with the buyer', 'Call about pricing'])[1 + (t.g + t.i) % 4]
           WHEN 'MEETING' THEN (ARRAY['Product demo', 'Meeting with the buying committee', 'On-site visit', 'Contract review'])[1 + (t.g * t.i) % 4]
           WHEN 'EMAIL' THEN (ARRAY['Send the proposal', 'Send case studies', 'Email the revised quote', 'Recap of the call'])[1 + (t.g + 2 * t.i) % 4]
           WHEN 'TASK' THEN (ARRAY['Prepare the quote', 'Update the forecast notes', 'Ask legal for the redlines', 'Book the demo room'])[1 + (t.g + t.i) % 4]
           ELSE (ARRAY['Budget confirmed', 'Decision expected next month', 'Competitor in the running', 'Champion changed roles'])[1 + t.g % 4]
         END,
         CASE WHEN t.state = 'done' AND (t.g + t.i) % 3 = 0 THEN 'Spoke with the buyer; next step agreed.' END,
         t.due_at,
         CASE WHEN t.state = 'done' THEN t.worked_at END,
         t.assigned_to, t.assigned_to, w.created_at, coalesce(CASE WHEN t.state = 'done' THEN t.worked_at END, w.created_at)
  FROM timed t,
  LATERAL (SELECT CASE WHEN t.state = 'done' AND t.type <> 'NOTE' THEN greatest(t.created_at, t.worked_at - make_interval(days => (t.g + t.i) % 4))
                       WHEN t.state = 'done' THEN t.worked_at
                       WHEN t.state = 'overdue' THEN greatest(t.created_at, t.due_at - interval '3 days')
                       ELSE greatest(t.created_at, now() - make_interval(days => t.g % 10, hours => 1)) END AS created_at) AS w
  ORDER BY t.g, t.i`;

/**
 * What the activity trigger keeps on each deal (`opportunity_activity_refresh`, migration activities): its latest
 * done activity and its next open one (earliest due, undated last, then oldest, then id), computed for every deal at
 * once.
 */
const UPDATE_DEALS = `
  UPDATE opportunities o SET last_activity_at = x.last_at, next_activity_id = x.next_id, next_activity_due_at = x.next_due_at
  FROM (
    SELECT o.id, a.last_at, a.next_id, a.next_due_at
    FROM opportunities o
    LEFT JOIN (
      SELECT opportunity_id, max(done_at) AS last_at,
             (array_agg(id ORDER BY due_at ASC NULLS LAST, created_at, id) FILTER (WHERE done_at IS NULL))[1] AS next_id,
             (array_agg(due_at ORDER BY due_at ASC NULLS LAST, created_at, id) FILTER (WHERE done_at IS NULL))[1] AS next_due_at
      FROM activities WHERE tenant_id = $1 AND opportunity_id IS NOT NULL
      GROUP BY opportunity_id
    ) a ON a.opportunity_id = o.id
    WHERE o.tenant_id = $1
  ) x
  WHERE o.id = x.id
    AND (o.last_activity_at, o.next_activity_id, o.next_activity_due_at) IS DISTINCT FROM (x.last_at, x.next_id, x.next_due_at)`;

const DEAL_FIELDS = "id, last_activity_at, next_activity_id, next_activity_due_at";

export async function hasActivities(client: pg.Client, tenantId: string): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>("SELECT EXISTS (SELECT 1 FROM activities WHERE tenant_id = $1) AS found", [
    tenantId,
  ]);
  return rows[0]!.found;
}

/**
 * Seeds the activities when the tenant has none (a bench seeded before they existed gets them once, without a
 * reseed). They go in with triggers off for this transaction only (`session_replication_role`: the row trigger
 * would update a deal once per activity), the deals' fields then in one UPDATE; then the trigger's own function is
 * run over every deal, and the seed fails unless it changes none of them.
 */
export async function seedActivitiesOnce(client: pg.Client, tenantId: string): Promise<void> {
  if (await hasActivities(client, tenantId)) return;
  const started = Date.now();
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('onquota bench activities'))"); // two bench runs starting at once
    if (await hasActivities(client, tenantId)) return void (await client.query("COMMIT"));
    await client.query("SET LOCAL session_replication_role = replica");
    const inserted = await client.query(INSERT_ACTIVITIES, [tenantId]);
    await client.query("SET LOCAL session_replication_role = origin");
    await client.query("ANALYZE activities"); // the planner's figures of the table it joins below: it was empty
    const updated = await client.query(UPDATE_DEALS, [tenantId]);
    await client.query(
      `CREATE TEMP TABLE seeded_deal_fields ON COMMIT DROP AS SELECT ${DEAL_FIELDS} FROM opportunities WHERE tenant_id = $1`,
      [tenantId],
    );
    await client.query("SELECT count(opportunity_activity_refresh(id)::text) FROM opportunities WHERE tenant_id = $1", [tenantId]);
    const { rows } = await client.query<{ differ: number; deals: number }>(
      `SELECT count(*) FILTER (WHERE s.id IS NULL OR (o.last_activity_at, o.next_activity_id, o.next_activity_due_at)
                                    IS DISTINCT FROM (s.last_activity_at, s.next_activity_id, s.next_activity_due_at))::int AS differ,
              count(*)::int AS deals
       FROM opportunities o LEFT JOIN seeded_deal_fields s ON s.id = o.id WHERE o.tenant_id = $1`,
      [tenantId],
    );
    const { differ, deals } = rows[0]!;
    if (differ > 0) throw new Error(`${differ} of ${deals} deals differ from what the activity trigger computes`);
    await client.query("COMMIT");
    log(
      `seeded ${inserted.rowCount} activities; ${updated.rowCount} deals' next and last activity set, all ${deals} as the trigger ` +
        `computes them (${Date.now() - started} ms)`,
    );
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  await client.query("VACUUM ANALYZE activities, opportunities");
}
