-- Email (issue 7): per-notification delivery state and retry scan, per-category email preferences, dev outbox.
-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "email_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "email_next_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "email_requested" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "notification_email_preferences" (
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "category" "notification_category" NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_email_preferences_pkey" PRIMARY KEY ("user_id","category")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "to" VARCHAR(320) NOT NULL,
    "from" VARCHAR(400) NOT NULL,
    "subject" VARCHAR(998) NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "idempotency_key" VARCHAR(256),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_outbox_idempotency_key_key" ON "email_outbox"("idempotency_key");

-- CreateIndex
CREATE INDEX "idx_email_outbox_tenant_created" ON "email_outbox"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "idx_notifications_email_retry" ON "notifications"("email_next_attempt_at") WHERE (email_sent = false AND email_next_attempt_at IS NOT NULL);

-- AddForeignKey
ALTER TABLE "notification_email_preferences" ADD CONSTRAINT "notification_email_preferences_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_email_preferences" ADD CONSTRAINT "notification_email_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
