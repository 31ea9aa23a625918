-- Activities (calls, meetings, emails, tasks, notes) on deals and clients; each deal keeps its stage entry time, its
-- latest done activity and its next open one on its own row (maintained by the triggers below), so the board and
-- the stale rule read them without a subquery per deal. Admin settings of the open stages.

-- CreateEnum
CREATE TYPE "activity_type" AS ENUM ('CALL', 'MEETING', 'EMAIL', 'TASK', 'NOTE');

-- AlterTable
ALTER TABLE "opportunities" ADD COLUMN     "last_activity_at" TIMESTAMPTZ(3),
ADD COLUMN     "next_activity_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "next_activity_id" UUID,
ADD COLUMN     "stage_entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Existing deals entered their stage at their latest history entry into it.
UPDATE "opportunities" o SET "stage_entered_at" = h.changed_at
FROM (
  SELECT DISTINCT ON (opportunity_id) opportunity_id, changed_at
  FROM "opportunity_stage_history"
  ORDER BY opportunity_id, changed_at DESC, id DESC
) AS h
WHERE h.opportunity_id = o.id;

-- CreateTable
CREATE TABLE "activities" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "opportunity_id" UUID,
    "client_id" UUID,
    "type" "activity_type" NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "note" TEXT,
    "due_at" TIMESTAMPTZ(3),
    "done_at" TIMESTAMPTZ(3),
    "assigned_to" UUID NOT NULL,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activities_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "activities_on_deal_or_client" CHECK ("opportunity_id" IS NOT NULL OR "client_id" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "pipeline_stage_settings" (
    "tenant_id" UUID NOT NULL,
    "stage" "opportunity_stage" NOT NULL,
    "default_probability" DECIMAL(5,2) NOT NULL,
    "forecast_category" VARCHAR(20) NOT NULL,
    "stale_after_days" INTEGER,
    "stale_auto" BOOLEAN NOT NULL DEFAULT false,
    "auto_stale_days" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pipeline_stage_settings_pkey" PRIMARY KEY ("tenant_id","stage")
);

-- CreateIndex
CREATE INDEX "idx_activities_tenant_assignee_due" ON "activities"("tenant_id", "assigned_to", "due_at");

-- CreateIndex
CREATE INDEX "idx_activities_opportunity_due" ON "activities"("opportunity_id", "due_at");

-- CreateIndex
CREATE INDEX "idx_activities_client" ON "activities"("client_id");

-- CreateIndex
CREATE INDEX "idx_activities_open_due" ON "activities"("due_at") WHERE (done_at IS NULL);

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_assigned_to_fkey" FOREIGN KEY ("assigned_to") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pipeline_stage_settings" ADD CONSTRAINT "pipeline_stage_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A deal that changes stage entered the new one now: the same transaction time as its history entry's changed_at.
CREATE FUNCTION opportunity_stage_entered() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stage IS DISTINCT FROM OLD.stage AND NEW.stage_entered_at IS NOT DISTINCT FROM OLD.stage_entered_at THEN
    NEW.stage_entered_at := now();
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER opportunity_stage_entered
BEFORE UPDATE OF stage ON opportunities
FOR EACH ROW EXECUTE FUNCTION opportunity_stage_entered();

-- Recomputes one deal's last done activity and next open activity (earliest due first, undated last, then oldest).
CREATE FUNCTION opportunity_activity_refresh(deal UUID) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  UPDATE opportunities o SET
    last_activity_at = (SELECT max(a.done_at) FROM activities a WHERE a.opportunity_id = deal AND a.done_at IS NOT NULL),
    next_activity_id = nxt.id,
    next_activity_due_at = nxt.due_at
  FROM (SELECT NULL::int AS anchor) AS one
  LEFT JOIN LATERAL (
    SELECT a.id, a.due_at FROM activities a
    WHERE a.opportunity_id = deal AND a.done_at IS NULL
    ORDER BY a.due_at ASC NULLS LAST, a.created_at, a.id
    LIMIT 1
  ) AS nxt ON true
  WHERE o.id = deal
    AND (o.last_activity_at, o.next_activity_id, o.next_activity_due_at) IS DISTINCT FROM
        ((SELECT max(a.done_at) FROM activities a WHERE a.opportunity_id = deal AND a.done_at IS NOT NULL), nxt.id, nxt.due_at);
END;
$$;

CREATE FUNCTION activities_track_deal() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.opportunity_id IS NOT NULL THEN
    PERFORM opportunity_activity_refresh(OLD.opportunity_id);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.opportunity_id IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW.opportunity_id IS DISTINCT FROM OLD.opportunity_id
          OR (NEW.due_at, NEW.done_at) IS DISTINCT FROM (OLD.due_at, OLD.done_at)) THEN
    PERFORM opportunity_activity_refresh(NEW.opportunity_id);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER activities_track_deal
AFTER INSERT OR UPDATE OR DELETE ON activities
FOR EACH ROW EXECUTE FUNCTION activities_track_deal();
