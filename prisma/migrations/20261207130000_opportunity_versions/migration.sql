-- CreateTable
CREATE TABLE "opportunity_versions" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "opportunity_id" UUID NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_to" TIMESTAMPTZ(3),
    "stage" "opportunity_stage" NOT NULL,
    "base_value" DECIMAL(22,2) NOT NULL,
    "probability" DECIMAL(5,2) NOT NULL,
    "expected_close_date" DATE NOT NULL,
    "assigned_to" UUID NOT NULL,
    "is_deleted" BOOLEAN NOT NULL,

    CONSTRAINT "opportunity_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idx_opportunity_versions_tenant_until" ON "opportunity_versions"("tenant_id", "valid_to") WHERE valid_to IS NOT NULL;

-- CreateIndex
CREATE INDEX "idx_opportunity_versions_opportunity" ON "opportunity_versions"("opportunity_id", "valid_from");

-- AddForeignKey
ALTER TABLE "opportunity_versions" ADD CONSTRAINT "opportunity_versions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opportunity_versions" ADD CONSTRAINT "opportunity_versions_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A deal's versions rebuilt from its change log: one per instant at which a state field changed, holding every
-- state field as the log has it then (the deal's present value for a field the log never recorded), valid until the
-- next such instant.
CREATE FUNCTION opportunity_versions_rebuild(deal UUID) RETURNS VOID LANGUAGE sql AS $$
  DELETE FROM opportunity_versions WHERE opportunity_id = deal;
  INSERT INTO opportunity_versions (tenant_id, opportunity_id, valid_from, valid_to, stage, base_value, probability,
                                    expected_close_date, assigned_to, is_deleted)
  SELECT o.tenant_id, o.id, i.at, lead(i.at) OVER (ORDER BY i.at),
         coalesce(s.stage::opportunity_stage, o.stage), coalesce(s.base_value::numeric, o.base_value),
         coalesce(s.probability::numeric, o.probability), coalesce(s.expected_close_date::date, o.expected_close_date),
         coalesce(s.owner::uuid, o.assigned_to), coalesce(s.deleted::boolean, o.is_deleted)
  FROM opportunities o
  CROSS JOIN LATERAL (
    SELECT DISTINCT c.changed_at AS at FROM opportunity_changes c
    WHERE c.opportunity_id = o.id AND c.field IN ('stage', 'base_value', 'probability', 'expected_close_date', 'owner', 'deleted')
  ) AS i
  CROSS JOIN LATERAL (
    SELECT max(f.v) FILTER (WHERE f.field = 'stage') AS stage, max(f.v) FILTER (WHERE f.field = 'base_value') AS base_value,
           max(f.v) FILTER (WHERE f.field = 'probability') AS probability,
           max(f.v) FILTER (WHERE f.field = 'expected_close_date') AS expected_close_date,
           max(f.v) FILTER (WHERE f.field = 'owner') AS owner, max(f.v) FILTER (WHERE f.field = 'deleted') AS deleted
    FROM (
      SELECT DISTINCT ON (c.field) c.field, c.new_value AS v FROM opportunity_changes c
      WHERE c.opportunity_id = o.id AND c.changed_at <= i.at
        AND c.field IN ('stage', 'base_value', 'probability', 'expected_close_date', 'owner', 'deleted')
      ORDER BY c.field, c.changed_at DESC, c.id DESC
    ) AS f
  ) AS s
  WHERE o.id = deal;
$$;

-- Each write that changes a state field ends the deal's open version at the write's instant (the change log's clock,
-- opportunity_change_at) and opens the next. A write dated before the open version began (a clock set back) rebuilds
-- the deal's versions from the change log instead, which the change-log trigger (named earlier, so fired first) has
-- just written.
CREATE FUNCTION opportunity_versions_track() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  at TIMESTAMPTZ := opportunity_change_at();
BEGIN
  IF (OLD.stage, OLD.base_value, OLD.probability, OLD.expected_close_date, OLD.assigned_to, OLD.is_deleted)
     IS NOT DISTINCT FROM (NEW.stage, NEW.base_value, NEW.probability, NEW.expected_close_date, NEW.assigned_to, NEW.is_deleted) THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM opportunity_versions v WHERE v.opportunity_id = NEW.id AND v.valid_from > at) THEN
    PERFORM opportunity_versions_rebuild(NEW.id);
    RETURN NULL;
  END IF;
  UPDATE opportunity_versions SET valid_to = at WHERE opportunity_id = NEW.id AND valid_to IS NULL;
  INSERT INTO opportunity_versions (tenant_id, opportunity_id, valid_from, stage, base_value, probability, expected_close_date,
                                    assigned_to, is_deleted)
  VALUES (NEW.tenant_id, NEW.id, at, NEW.stage, NEW.base_value, NEW.probability, NEW.expected_close_date, NEW.assigned_to, NEW.is_deleted);
  RETURN NULL;
END;
$$;

CREATE TRIGGER opportunity_versions_track AFTER UPDATE ON opportunities
FOR EACH ROW EXECUTE FUNCTION opportunity_versions_track();

-- New deals open their first version, once per statement (an import inserts thousands at a time).
CREATE FUNCTION opportunity_versions_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO opportunity_versions (tenant_id, opportunity_id, valid_from, stage, base_value, probability, expected_close_date,
                                    assigned_to, is_deleted)
  SELECT n.tenant_id, n.id, opportunity_change_at(), n.stage, n.base_value, n.probability, n.expected_close_date, n.assigned_to, n.is_deleted
  FROM inserted n;
  RETURN NULL;
END;
$$;

CREATE TRIGGER opportunity_versions_insert AFTER INSERT ON opportunities
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION opportunity_versions_insert();

SELECT opportunity_versions_rebuild(o.id) FROM opportunities o;
