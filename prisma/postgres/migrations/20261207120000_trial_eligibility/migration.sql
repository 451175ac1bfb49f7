-- AlterTable
ALTER TABLE "Trial" ADD COLUMN "eligibilityCheckedAt" TIMESTAMP(3),
ADD COLUMN "ineligibleReason" TEXT;
