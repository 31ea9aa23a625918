-- Notification preferences per category × channel (in-app, email mode, push), a user's time zone and quiet hours,
-- critical notifications, and daily digests. The email-only preferences become the email column of the new table.

CREATE TYPE "email_mode" AS ENUM ('INSTANT', 'DAILY_DIGEST', 'OFF');

CREATE TABLE "notification_preferences" (
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "category" "notification_category" NOT NULL,
    "in_app" BOOLEAN NOT NULL DEFAULT true,
    "email" "email_mode" NOT NULL DEFAULT 'INSTANT',
    "push" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id", "category")
);

ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_fkey"
    FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "notification_preferences" ("tenant_id", "user_id", "category", "email", "updated_at")
SELECT "tenant_id", "user_id", "category", CASE WHEN "enabled" THEN 'INSTANT' ELSE 'OFF' END::"email_mode", "updated_at"
FROM "notification_email_preferences";

DROP TABLE "notification_email_preferences";

ALTER TABLE "users" ADD COLUMN "timezone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    ADD COLUMN "quiet_hours_start" SMALLINT,
    ADD COLUMN "quiet_hours_end" SMALLINT,
    ADD CONSTRAINT "users_quiet_hours_check" CHECK (
        ("quiet_hours_start" IS NULL AND "quiet_hours_end" IS NULL)
        OR ("quiet_hours_start" BETWEEN 0 AND 1439 AND "quiet_hours_end" BETWEEN 0 AND 1439
            AND "quiet_hours_start" <> "quiet_hours_end"));

CREATE TABLE "notification_digests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "local_date" DATE NOT NULL,
    "notification_count" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sent_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_digests_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "uq_notification_digests_user_day" ON "notification_digests"("user_id", "local_date");

ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_tenant_id_fkey"
    FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "notifications" ADD COLUMN "critical" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "in_app" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "email_digest_id" UUID;

ALTER TABLE "notifications" ADD CONSTRAINT "notifications_email_digest_id_fkey"
    FOREIGN KEY ("email_digest_id") REFERENCES "notification_digests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What a digest collects: a user's requested, not yet emailed notifications.
CREATE INDEX "idx_notifications_email_pending" ON "notifications"("user_id", "created_at")
    WHERE "email_requested" = true AND "email_sent" = false AND "is_deleted" = false;

-- A notification of a category the recipient turned the in-app channel off for is kept (for email and push) but not
-- shown; critical ones always are. Every insert path (one row, unnest batches, INSERT … SELECT checks) passes here.
CREATE FUNCTION "notifications_in_app"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.in_app := NEW.critical OR NEW.type = 'ERROR' OR COALESCE(
    (SELECT p.in_app FROM notification_preferences p WHERE p.user_id = NEW.user_id AND p.category = NEW.category), true);
  RETURN NEW;
END
$$;

CREATE TRIGGER "notifications_in_app"
BEFORE INSERT ON "notifications"
FOR EACH ROW
EXECUTE FUNCTION "notifications_in_app"();

-- The unread count skips what the recipient does not see in the app; its index stays the only thing it reads.
DROP INDEX "idx_notifications_unread_only";
CREATE INDEX "idx_notifications_unread_only" ON "notifications"("user_id") WHERE "is_read" = false AND "is_deleted" = false AND "in_app" = true;
