-- AlterTable
ALTER TABLE "Trial" ADD COLUMN "eligibilityCheckedAt" DATETIME;
ALTER TABLE "Trial" ADD COLUMN "ineligibleReason" TEXT;
