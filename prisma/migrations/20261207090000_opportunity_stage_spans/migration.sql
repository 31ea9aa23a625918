-- CreateTable
CREATE TABLE "opportunity_stage_spans" (
    "change_id" BIGINT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "opportunity_id" UUID NOT NULL,
    "stage" "opportunity_stage" NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL,
    "left_at" TIMESTAMPTZ(3),
    "next_stage" "opportunity_stage",

    CONSTRAINT "opportunity_stage_spans_pkey" PRIMARY KEY ("change_id")
);

-- CreateIndex
CREATE INDEX "idx_opportunity_stage_spans_tenant_entered" ON "opportunity_stage_spans"("tenant_id", "entered_at", "opportunity_id", "stage", "left_at", "next_stage");

-- CreateIndex
CREATE INDEX "idx_opportunity_stage_spans_opportunity" ON "opportunity_stage_spans"("opportunity_id", "entered_at");

-- AddForeignKey
ALTER TABLE "opportunity_stage_spans" ADD CONSTRAINT "opportunity_stage_spans_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opportunity_stage_spans" ADD CONSTRAINT "opportunity_stage_spans_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A deal's stays in its stages, rebuilt from its stage changes in (changed_at, id) order: each entered by one change
-- and left by the next.
CREATE FUNCTION opportunity_stage_spans_rebuild(deal UUID) RETURNS VOID LANGUAGE sql AS $$
  DELETE FROM opportunity_stage_spans WHERE opportunity_id = deal;
  INSERT INTO opportunity_stage_spans (change_id, tenant_id, opportunity_id, stage, entered_at, left_at, next_stage)
  SELECT c.id, c.tenant_id, c.opportunity_id, c.new_value::opportunity_stage, c.changed_at,
         lead(c.changed_at) OVER w, (lead(c.new_value) OVER w)::opportunity_stage
  FROM opportunity_changes c
  WHERE c.opportunity_id = deal AND c.field = 'stage'
  WINDOW w AS (ORDER BY c.changed_at, c.id);
$$;

-- A stage change closes the deal's open stay and opens the next; one dated before a later stay (a clock set back)
-- rebuilds the deal's stays instead.
CREATE FUNCTION opportunity_stage_spans_track() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM opportunity_stage_spans s
             WHERE s.opportunity_id = NEW.opportunity_id AND (s.entered_at, s.change_id) > (NEW.changed_at, NEW.id)) THEN
    PERFORM opportunity_stage_spans_rebuild(NEW.opportunity_id);
    RETURN NULL;
  END IF;
  UPDATE opportunity_stage_spans SET left_at = NEW.changed_at, next_stage = NEW.new_value::opportunity_stage
  WHERE opportunity_id = NEW.opportunity_id AND left_at IS NULL;
  INSERT INTO opportunity_stage_spans (change_id, tenant_id, opportunity_id, stage, entered_at)
  VALUES (NEW.id, NEW.tenant_id, NEW.opportunity_id, NEW.new_value::opportunity_stage, NEW.changed_at);
  RETURN NULL;
END;
$$;

CREATE TRIGGER opportunity_stage_spans_track AFTER INSERT ON opportunity_changes
FOR EACH ROW WHEN (NEW.field = 'stage') EXECUTE FUNCTION opportunity_stage_spans_track();

INSERT INTO opportunity_stage_spans (change_id, tenant_id, opportunity_id, stage, entered_at, left_at, next_stage)
SELECT c.id, c.tenant_id, c.opportunity_id, c.new_value::opportunity_stage, c.changed_at,
       lead(c.changed_at) OVER w, (lead(c.new_value) OVER w)::opportunity_stage
FROM opportunity_changes c
WHERE c.field = 'stage'
WINDOW w AS (PARTITION BY c.opportunity_id ORDER BY c.changed_at, c.id);
