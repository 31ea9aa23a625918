-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "base_currency" CHAR(3) NOT NULL DEFAULT 'USD';
