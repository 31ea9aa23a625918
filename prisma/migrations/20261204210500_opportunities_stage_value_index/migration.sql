-- CreateIndex
CREATE INDEX "idx_opportunities_tenant_stage_value" ON "opportunities"("tenant_id", "stage", "estimated_value" DESC, "id") WHERE (is_deleted = false);
