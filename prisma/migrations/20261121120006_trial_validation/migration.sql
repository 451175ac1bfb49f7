-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "trialRulesDigest" TEXT;
ALTER TABLE "Shop" ADD COLUMN "trialValidationGid" TEXT;

