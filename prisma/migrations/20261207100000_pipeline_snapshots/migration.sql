-- CreateTable
CREATE TABLE "pipeline_snapshots" (
    "tenant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "assigned_to" UUID NOT NULL,
    "stage" "opportunity_stage" NOT NULL,
    "deals" INTEGER NOT NULL,
    "total_value" DECIMAL(30,2) NOT NULL,
    "weighted_cents" DECIMAL(34,0) NOT NULL,
    "probability_sum" DECIMAL(24,2) NOT NULL,

    CONSTRAINT "pipeline_snapshots_pkey" PRIMARY KEY ("tenant_id","day","assigned_to","stage")
);

-- CreateTable
CREATE TABLE "pipeline_snapshot_days" (
    "tenant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pipeline_snapshot_days_pkey" PRIMARY KEY ("tenant_id","day")
);

-- AddForeignKey
ALTER TABLE "pipeline_snapshots" ADD CONSTRAINT "pipeline_snapshots_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pipeline_snapshot_days" ADD CONSTRAINT "pipeline_snapshot_days_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
