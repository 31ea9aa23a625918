-- Quote numbers are unique within a tenant among quotes that are not deleted.
-- CreateIndex
CREATE UNIQUE INDEX "uq_quotes_tenant_quote_number" ON "quotes"("tenant_id", "quote_number") WHERE (is_deleted = false);
