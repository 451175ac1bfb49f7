-- AlterTable
ALTER TABLE "Effect" ADD COLUMN     "lastAttemptAt" TIMESTAMP(3);

