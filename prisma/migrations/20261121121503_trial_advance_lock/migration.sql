-- AlterTable
ALTER TABLE "Trial" ADD COLUMN "advanceLockedBy" TEXT;
ALTER TABLE "Trial" ADD COLUMN "advanceLockedUntil" DATETIME;

