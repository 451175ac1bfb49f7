-- AlterTable
ALTER TABLE "FitOutcome" ADD COLUMN "family" TEXT;

-- Outcomes recorded before: their family is their answer's.
UPDATE "FitOutcome" SET "family" = (SELECT "family" FROM "FitAnswer" WHERE "FitAnswer"."id" = "FitOutcome"."answerId") WHERE "answerId" IS NOT NULL;

-- CreateIndex
CREATE INDEX "FitOutcome_shop_family_usualSize_usualWidth_idx" ON "FitOutcome"("shop", "family", "usualSize", "usualWidth");
