-- The open stages each deal has been in, per its stage history, as one bit each: the forecast's win rates count the
-- closed deals that went through a stage by reading one row per closed deal instead of every stage change.
CREATE FUNCTION opportunity_stage_bit(stage opportunity_stage) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE stage WHEN 'LEAD' THEN 1 WHEN 'QUALIFIED' THEN 2 WHEN 'PROPOSAL' THEN 4 WHEN 'NEGOTIATION' THEN 8 ELSE 0 END
$$;

CREATE TABLE "opportunity_stages_reached" (
    "opportunity_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "stages" INTEGER NOT NULL,

    CONSTRAINT "opportunity_stages_reached_pkey" PRIMARY KEY ("opportunity_id")
);

ALTER TABLE "opportunity_stages_reached" ADD CONSTRAINT "opportunity_stages_reached_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "opportunity_stages_reached" ADD CONSTRAINT "opportunity_stages_reached_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Stage history is append-only (rows go only with their deal): each insert statement ORs its stages in.
CREATE FUNCTION opportunity_stages_reached_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO opportunity_stages_reached AS r (opportunity_id, tenant_id, stages)
  SELECT a.opportunity_id, a.tenant_id, bit_or(opportunity_stage_bit(a.to_stage))
  FROM added a GROUP BY a.opportunity_id, a.tenant_id
  ON CONFLICT (opportunity_id) DO UPDATE SET stages = r.stages | excluded.stages
  WHERE r.stages | excluded.stages <> r.stages;
  RETURN NULL;
END $$;

CREATE TRIGGER opportunity_stages_reached_add AFTER INSERT ON opportunity_stage_history
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION opportunity_stages_reached_add();

INSERT INTO opportunity_stages_reached (opportunity_id, tenant_id, stages)
SELECT opportunity_id, tenant_id, bit_or(opportunity_stage_bit(to_stage))
FROM opportunity_stage_history GROUP BY opportunity_id, tenant_id;
