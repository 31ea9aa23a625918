-- New deals are counted into opportunity_stage_totals once per statement (one grouped upsert over the statement's
-- inserted rows) instead of once per row. Row by row, a bulk insert in one transaction (an import: 50,000 deals in
-- batches of 2,000) updated the same few totals rows once per deal, and each update walked past the versions the
-- earlier ones left: 9.7 s of a 50,000-deal commit, growing with the square of the deals per owner and stage.
-- They add base values (the company's currency), weighted by opportunity_weighted_cents, as the row trigger does.
-- Updates and deletes stay row by row (a row moves between two totals rows; see opportunity_stage_totals_track).
DROP TRIGGER opportunity_stage_totals_track ON opportunities;
CREATE TRIGGER opportunity_stage_totals_track
AFTER UPDATE OR DELETE ON opportunities
FOR EACH ROW EXECUTE FUNCTION opportunity_stage_totals_track();

CREATE FUNCTION opportunity_stage_totals_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  -- In key order, as the row trigger writes two rows, so that concurrent writers cannot deadlock on them.
  INSERT INTO opportunity_stage_totals AS tot (tenant_id, assigned_to, stage, deals, total_value, weighted_cents, probability_sum)
  SELECT tenant_id, assigned_to, stage, count(*), sum(base_value), sum(opportunity_weighted_cents(base_value, probability)), sum(probability)
  FROM inserted
  WHERE NOT is_deleted
  GROUP BY tenant_id, assigned_to, stage
  ORDER BY tenant_id, assigned_to, stage
  ON CONFLICT (tenant_id, assigned_to, stage) DO UPDATE SET
    deals = tot.deals + EXCLUDED.deals,
    total_value = tot.total_value + EXCLUDED.total_value,
    weighted_cents = tot.weighted_cents + EXCLUDED.weighted_cents,
    probability_sum = tot.probability_sum + EXCLUDED.probability_sum;
  RETURN NULL;
END;
$$;

CREATE TRIGGER opportunity_stage_totals_insert
AFTER INSERT ON opportunities
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION opportunity_stage_totals_insert();
