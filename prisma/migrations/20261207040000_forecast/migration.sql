-- A deal's forecast category set by hand; NULL follows its stage's setting (pipeline_stage_settings.forecast_category).
ALTER TABLE "opportunities" ADD COLUMN "forecast_category" VARCHAR(20);
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_forecast_category_check"
  CHECK ("forecast_category" IN ('PIPELINE', 'BEST_CASE', 'COMMIT', 'OMITTED'));

-- Sales targets: per user per month, in the tenant's base currency.
CREATE TABLE "sales_targets" (
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "amount" DECIMAL(22,2) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sales_targets_pkey" PRIMARY KEY ("tenant_id","user_id","month"),
    CONSTRAINT "sales_targets_month_check" CHECK (extract(day FROM "month") = 1),
    CONSTRAINT "sales_targets_amount_check" CHECK ("amount" >= 0)
);
CREATE INDEX "idx_sales_targets_tenant_month" ON "sales_targets"("tenant_id", "month");
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The change log records the forecast category as it records the other fields (a change of the stored value;
-- NULL = following the stage).
CREATE OR REPLACE FUNCTION opportunity_changes_log() RETURNS TRIGGER LANGUAGE plpgsql AS $$
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
    IF NEW.forecast_category IS NOT NULL THEN
      INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_by, changed_at)
      VALUES (NEW.tenant_id, NEW.id, 'forecast_category', NULL, NEW.forecast_category, actor, at);
    END IF;
    RETURN NULL;
  END IF;
  actor := opportunity_change_actor(NEW.assigned_to);
  INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_by, changed_at)
  SELECT NEW.tenant_id, NEW.id, f.field, f.old, f.new, actor, at
  FROM (VALUES ('stage', OLD.stage::text, NEW.stage::text), ('value', OLD.estimated_value::text, NEW.estimated_value::text),
               ('base_value', OLD.base_value::text, NEW.base_value::text), ('probability', OLD.probability::text, NEW.probability::text),
               ('expected_close_date', OLD.expected_close_date::text, NEW.expected_close_date::text),
               ('owner', OLD.assigned_to::text, NEW.assigned_to::text), ('currency', OLD.currency::text, NEW.currency::text),
               ('deleted', OLD.is_deleted::text, NEW.is_deleted::text),
               ('forecast_category', OLD.forecast_category::text, NEW.forecast_category::text)) AS f(field, old, new)
  WHERE f.old IS DISTINCT FROM f.new;
  RETURN NULL;
END;
$$;
