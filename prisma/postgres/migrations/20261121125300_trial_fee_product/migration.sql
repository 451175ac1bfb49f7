-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "trialFeeDigest" TEXT,
ADD COLUMN     "trialFeeProductGid" TEXT,
ADD COLUMN     "trialFeeVariantGid" TEXT;

