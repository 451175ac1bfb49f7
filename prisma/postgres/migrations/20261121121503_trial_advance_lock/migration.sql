-- AlterTable
ALTER TABLE "Trial" ADD COLUMN     "advanceLockedBy" TEXT,
ADD COLUMN     "advanceLockedUntil" TIMESTAMP(3);

