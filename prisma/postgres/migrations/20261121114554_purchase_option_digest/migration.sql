-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "trialSellingPlanDigest" TEXT;

