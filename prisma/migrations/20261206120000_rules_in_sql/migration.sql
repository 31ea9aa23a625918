-- A deal's weighted value in whole cents: round(value × probability) = round(value × probability / 100, 2) × 100.
-- The one SQL definition of the rule (lib/opportunities/rules-sql.ts `weightedCentsSql`); inlined by the planner.
CREATE FUNCTION opportunity_weighted_cents(value DECIMAL, probability DECIMAL) RETURNS DECIMAL
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT round(value * probability) $$;

CREATE OR REPLACE FUNCTION opportunity_stage_totals_add(t UUID, a UUID, s opportunity_stage, sign INTEGER, v DECIMAL, p DECIMAL)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO opportunity_stage_totals AS tot (tenant_id, assigned_to, stage, deals, total_value, weighted_cents, probability_sum)
  VALUES (t, a, s, sign, sign * v, sign * opportunity_weighted_cents(v, p), sign * p)
  ON CONFLICT (tenant_id, assigned_to, stage) DO UPDATE SET
    deals = tot.deals + EXCLUDED.deals,
    total_value = tot.total_value + EXCLUDED.total_value,
    weighted_cents = tot.weighted_cents + EXCLUDED.weighted_cents,
    probability_sum = tot.probability_sum + EXCLUDED.probability_sum;
  IF sign < 0 THEN
    DELETE FROM opportunity_stage_totals WHERE tenant_id = t AND assigned_to = a AND stage = s AND deals = 0;
  END IF;
END;
$$;
