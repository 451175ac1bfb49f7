-- AlterTable
ALTER TABLE "Effect" ADD COLUMN "lastAttemptAt" DATETIME;

