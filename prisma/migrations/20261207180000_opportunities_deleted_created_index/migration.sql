-- The deals created since an instant, deleted ones included, are what the as-of summary and the waterfall correct the
-- live figures by: the live ones come off idx_opportunities_tenant_created, the deleted ones off this small index
-- (before it, a scan of every deal of the tenant, even when none was created since).
CREATE INDEX "idx_opportunities_tenant_deleted_created" ON "opportunities"("tenant_id", "created_at") WHERE is_deleted = true;
