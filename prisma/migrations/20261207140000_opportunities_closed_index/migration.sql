-- Win/loss and velocity read the live deals closed in a window, by close date.
CREATE INDEX "idx_opportunities_tenant_closed_on" ON "opportunities"("tenant_id", "actual_close_date") WHERE is_deleted = false AND stage = ANY (ARRAY['CLOSED_WON'::opportunity_stage, 'CLOSED_LOST'::opportunity_stage]);
