-- Loss reasons: a tenant's list; a lost deal may name one.
CREATE TABLE "loss_reasons" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "loss_reasons_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "uq_loss_reasons_tenant_label" ON "loss_reasons"("tenant_id", "label");
ALTER TABLE "loss_reasons" ADD CONSTRAINT "loss_reasons_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "opportunities" ADD COLUMN "loss_reason_id" UUID,
ADD COLUMN "close_date_pushes" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_loss_reason_id_fkey" FOREIGN KEY ("loss_reason_id") REFERENCES "loss_reasons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The change log.
CREATE TABLE "opportunity_changes" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "opportunity_id" UUID NOT NULL,
    "field" VARCHAR(32) NOT NULL,
    "old_value" TEXT,
    "new_value" TEXT,
    "changed_by" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "opportunity_changes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "idx_opportunity_changes_opportunity" ON "opportunity_changes"("opportunity_id", "changed_at", "id");
CREATE INDEX "idx_opportunity_changes_tenant_at" ON "opportunity_changes"("tenant_id", "changed_at");
ALTER TABLE "opportunity_changes" ADD CONSTRAINT "opportunity_changes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "opportunity_changes" ADD CONSTRAINT "opportunity_changes_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "opportunity_changes" ADD CONSTRAINT "opportunity_changes_changed_by_fkey" FOREIGN KEY ("changed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Who and when: the opportunities module sets onquota.actor_id and onquota.now (its clock) for its write
-- transactions; other writers (rate restatement, scripts) fall back to the deal's owner and the transaction's time.
CREATE FUNCTION opportunity_change_actor(fallback UUID) RETURNS UUID LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('onquota.actor_id', true), '')::uuid, fallback) $$;
CREATE FUNCTION opportunity_change_at() RETURNS TIMESTAMPTZ LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('onquota.now', true), '')::timestamptz, now()) $$;

-- One row per tracked field that changed (every field on insert, with old_value null).
CREATE FUNCTION opportunity_changes_log() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  actor UUID;
  at TIMESTAMPTZ := opportunity_change_at();
BEGIN
  IF TG_OP = 'INSERT' THEN
    actor := opportunity_change_actor(coalesce(NEW.created_by, NEW.assigned_to));
    INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_by, changed_at)
    SELECT NEW.tenant_id, NEW.id, f.field, NULL, f.value, actor, at
    FROM (VALUES ('stage', NEW.stage::text), ('value', NEW.estimated_value::text), ('base_value', NEW.base_value::text),
                 ('probability', NEW.probability::text), ('expected_close_date', NEW.expected_close_date::text),
                 ('owner', NEW.assigned_to::text), ('currency', NEW.currency::text), ('deleted', NEW.is_deleted::text)) AS f(field, value);
    RETURN NULL;
  END IF;
  actor := opportunity_change_actor(NEW.assigned_to);
  INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_by, changed_at)
  SELECT NEW.tenant_id, NEW.id, f.field, f.old, f.new, actor, at
  FROM (VALUES ('stage', OLD.stage::text, NEW.stage::text), ('value', OLD.estimated_value::text, NEW.estimated_value::text),
               ('base_value', OLD.base_value::text, NEW.base_value::text), ('probability', OLD.probability::text, NEW.probability::text),
               ('expected_close_date', OLD.expected_close_date::text, NEW.expected_close_date::text),
               ('owner', OLD.assigned_to::text, NEW.assigned_to::text), ('currency', OLD.currency::text, NEW.currency::text),
               ('deleted', OLD.is_deleted::text, NEW.is_deleted::text)) AS f(field, old, new)
  WHERE f.old IS DISTINCT FROM f.new;
  RETURN NULL;
END;
$$;

CREATE TRIGGER opportunities_change_log AFTER INSERT OR UPDATE ON opportunities
FOR EACH ROW EXECUTE FUNCTION opportunity_changes_log();

-- close_date_pushes: the expected close date moved later.
CREATE FUNCTION opportunity_count_close_date_push() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.expected_close_date > OLD.expected_close_date THEN
    NEW.close_date_pushes := OLD.close_date_pushes + 1;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER opportunities_close_date_pushes BEFORE UPDATE OF expected_close_date ON opportunities
FOR EACH ROW EXECUTE FUNCTION opportunity_count_close_date_push();

-- Baseline of existing deals: their stage history as stage changes, and every other field as it stands now, at
-- the deal's creation.
INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_by, changed_at)
SELECT h.tenant_id, h.opportunity_id, 'stage', h.from_stage::text, h.to_stage::text, h.changed_by, h.changed_at
FROM opportunity_stage_history h
ORDER BY h.changed_at, h.id;

INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_by, changed_at)
SELECT o.tenant_id, o.id, f.field, NULL, f.value, coalesce(o.created_by, o.assigned_to), o.created_at
FROM opportunities o
CROSS JOIN LATERAL (VALUES ('value', o.estimated_value::text), ('base_value', o.base_value::text),
             ('probability', o.probability::text), ('expected_close_date', o.expected_close_date::text),
             ('owner', o.assigned_to::text), ('currency', o.currency::text), ('deleted', 'false')) AS f(field, value)
ORDER BY o.created_at, o.id;

-- A deleted deal's deletion, and a deal without stage history its stage, so the log describes every deal.
INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_by, changed_at)
SELECT o.tenant_id, o.id, 'deleted', 'false', 'true', o.assigned_to, coalesce(o.deleted_at, o.updated_at)
FROM opportunities o WHERE o.is_deleted;

INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_by, changed_at)
SELECT o.tenant_id, o.id, 'stage', NULL, o.stage::text, coalesce(o.created_by, o.assigned_to), o.created_at
FROM opportunities o
WHERE NOT EXISTS (SELECT 1 FROM opportunity_stage_history h WHERE h.opportunity_id = o.id);
