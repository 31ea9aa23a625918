-- Money in more than one currency: exchange rates per tenant, and each deal's value in the tenant's base currency.

-- CreateTable
CREATE TABLE "exchange_rates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "rate" DECIMAL(18,8) NOT NULL,
    "effective_from" DATE NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "exchange_rates_rate_positive" CHECK ("rate" > 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "uq_exchange_rates_tenant_currency_day" ON "exchange_rates"("tenant_id", "currency", "effective_from");

-- AddForeignKey
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable: deals recorded before rates existed keep their amount as their base value (rate 1), which is what
-- every total showed until now.
ALTER TABLE "opportunities" ADD COLUMN     "base_rate" DECIMAL(18,8) NOT NULL DEFAULT 1,
ADD COLUMN     "base_value" DECIMAL(22,2);
UPDATE "opportunities" SET "base_value" = "estimated_value";
ALTER TABLE "opportunities" ALTER COLUMN "base_value" SET NOT NULL;

-- The stage totals now add base values: the same trigger, reading base_value where it read estimated_value.
CREATE OR REPLACE FUNCTION opportunity_stage_totals_track() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  was_counted BOOLEAN := CASE WHEN TG_OP = 'INSERT' THEN false ELSE NOT OLD.is_deleted END;
  is_counted BOOLEAN := CASE WHEN TG_OP = 'DELETE' THEN false ELSE NOT NEW.is_deleted END;
BEGIN
  IF was_counted AND is_counted
     AND (OLD.tenant_id, OLD.assigned_to, OLD.stage, OLD.base_value, OLD.probability)
         IS NOT DISTINCT FROM (NEW.tenant_id, NEW.assigned_to, NEW.stage, NEW.base_value, NEW.probability) THEN
    RETURN NULL;
  END IF;
  IF was_counted AND is_counted AND (NEW.tenant_id, NEW.assigned_to, NEW.stage) < (OLD.tenant_id, OLD.assigned_to, OLD.stage) THEN
    PERFORM opportunity_stage_totals_add(NEW.tenant_id, NEW.assigned_to, NEW.stage, 1, NEW.base_value, NEW.probability);
    PERFORM opportunity_stage_totals_add(OLD.tenant_id, OLD.assigned_to, OLD.stage, -1, OLD.base_value, OLD.probability);
  ELSE
    IF was_counted THEN
      PERFORM opportunity_stage_totals_add(OLD.tenant_id, OLD.assigned_to, OLD.stage, -1, OLD.base_value, OLD.probability);
    END IF;
    IF is_counted THEN
      PERFORM opportunity_stage_totals_add(NEW.tenant_id, NEW.assigned_to, NEW.stage, 1, NEW.base_value, NEW.probability);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
