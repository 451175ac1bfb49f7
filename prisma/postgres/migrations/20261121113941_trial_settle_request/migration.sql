-- AlterTable
ALTER TABLE "Trial" ADD COLUMN     "settleRequestedAt" TIMESTAMP(3);

