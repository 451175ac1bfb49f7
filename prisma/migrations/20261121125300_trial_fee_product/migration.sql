-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "trialFeeDigest" TEXT;
ALTER TABLE "Shop" ADD COLUMN "trialFeeProductGid" TEXT;
ALTER TABLE "Shop" ADD COLUMN "trialFeeVariantGid" TEXT;

