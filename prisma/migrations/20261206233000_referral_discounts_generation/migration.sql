-- AlterTable
ALTER TABLE "ReferralProgram" ADD COLUMN "discountsGeneration" INTEGER NOT NULL DEFAULT 0;
