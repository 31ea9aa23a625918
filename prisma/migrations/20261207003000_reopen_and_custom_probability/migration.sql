-- Reopening and custom probability: a hand-set probability survives moves between open stages, and a reopened
-- deal's history entry says why it was reopened.

-- AlterTable
ALTER TABLE "opportunities" ADD COLUMN     "probability_is_custom" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "opportunity_stage_history" ADD COLUMN     "reason" TEXT;
