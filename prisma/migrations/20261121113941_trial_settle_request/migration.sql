-- AlterTable
ALTER TABLE "Trial" ADD COLUMN "settleRequestedAt" DATETIME;

