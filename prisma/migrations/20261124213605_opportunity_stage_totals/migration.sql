-- CreateTable
CREATE TABLE "opportunity_stage_totals" (
    "tenant_id" UUID NOT NULL,
    "assigned_to" UUID NOT NULL,
    "stage" "opportunity_stage" NOT NULL,
    "deals" INTEGER NOT NULL,
    "total_value" DECIMAL(30,2) NOT NULL,
    "weighted_cents" DECIMAL(34,0) NOT NULL,
    "probability_sum" DECIMAL(24,2) NOT NULL,

    CONSTRAINT "opportunity_stage_totals_pkey" PRIMARY KEY ("tenant_id","assigned_to","stage")
);

-- One live opportunity counted in (sign 1) or out of (sign -1) the totals of its tenant, assignee and stage. A row
-- that reaches zero deals is removed, so deleting a tenant (its opportunities cascade) leaves nothing behind.
CREATE FUNCTION opportunity_stage_totals_add(t UUID, a UUID, s opportunity_stage, sign INTEGER, v DECIMAL, p DECIMAL)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO opportunity_stage_totals AS tot (tenant_id, assigned_to, stage, deals, total_value, weighted_cents, probability_sum)
  VALUES (t, a, s, sign, sign * v, sign * round(v * p), sign * p)
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

-- Keeps opportunity_stage_totals equal to the grouped sums of the live opportunities. When a change moves a deal
-- between two totals rows, they are written in key order, so concurrent moves cannot deadlock on them.
CREATE FUNCTION opportunity_stage_totals_track() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  was_counted BOOLEAN := CASE WHEN TG_OP = 'INSERT' THEN false ELSE NOT OLD.is_deleted END;
  is_counted BOOLEAN := CASE WHEN TG_OP = 'DELETE' THEN false ELSE NOT NEW.is_deleted END;
BEGIN
  IF was_counted AND is_counted
     AND (OLD.tenant_id, OLD.assigned_to, OLD.stage, OLD.estimated_value, OLD.probability)
         IS NOT DISTINCT FROM (NEW.tenant_id, NEW.assigned_to, NEW.stage, NEW.estimated_value, NEW.probability) THEN
    RETURN NULL;
  END IF;
  IF was_counted AND is_counted AND (NEW.tenant_id, NEW.assigned_to, NEW.stage) < (OLD.tenant_id, OLD.assigned_to, OLD.stage) THEN
    PERFORM opportunity_stage_totals_add(NEW.tenant_id, NEW.assigned_to, NEW.stage, 1, NEW.estimated_value, NEW.probability);
    PERFORM opportunity_stage_totals_add(OLD.tenant_id, OLD.assigned_to, OLD.stage, -1, OLD.estimated_value, OLD.probability);
  ELSE
    IF was_counted THEN
      PERFORM opportunity_stage_totals_add(OLD.tenant_id, OLD.assigned_to, OLD.stage, -1, OLD.estimated_value, OLD.probability);
    END IF;
    IF is_counted THEN
      PERFORM opportunity_stage_totals_add(NEW.tenant_id, NEW.assigned_to, NEW.stage, 1, NEW.estimated_value, NEW.probability);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER opportunity_stage_totals_track
AFTER INSERT OR UPDATE OR DELETE ON opportunities
FOR EACH ROW EXECUTE FUNCTION opportunity_stage_totals_track();

-- The totals of the opportunities that exist already.
INSERT INTO opportunity_stage_totals (tenant_id, assigned_to, stage, deals, total_value, weighted_cents, probability_sum)
SELECT tenant_id, assigned_to, stage, count(*), sum(estimated_value), sum(round(estimated_value * probability)), sum(probability)
FROM opportunities
WHERE is_deleted = false
GROUP BY tenant_id, assigned_to, stage;
