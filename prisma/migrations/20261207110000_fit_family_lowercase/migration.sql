-- Families are matched lower-cased from now on: rows written before keep pooling after a
-- merchant changes the case of a chart row's name.
UPDATE "FitAnswer" SET "family" = lower("family") WHERE "family" IS NOT NULL;
UPDATE "FitOutcome" SET "family" = lower("family") WHERE "family" IS NOT NULL;
