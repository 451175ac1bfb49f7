-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "trialRulesDigest" TEXT,
ADD COLUMN     "trialValidationGid" TEXT;

