-- CreateIndex
CREATE INDEX "idx_opportunities_assignee_board_order" ON "opportunities"("assigned_to", "stage", "board_position") WHERE (is_deleted = false);

-- CreateIndex
CREATE INDEX "idx_opportunities_tenant_created" ON "opportunities"("tenant_id", "created_at" DESC, "id") WHERE (is_deleted = false);
