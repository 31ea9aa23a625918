-- The per-statement count of new deals adds their base values (the totals are in the company's base currency, as
-- the row trigger adds them since 20261206235900_exchange_rates), weighted by the one rule opportunity_weighted_cents.
CREATE OR REPLACE FUNCTION opportunity_stage_totals_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
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
