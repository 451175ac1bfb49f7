-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "mtoSellingPlanDigest" TEXT;
ALTER TABLE "Shop" ADD COLUMN "mtoSellingPlanGid" TEXT;
ALTER TABLE "Shop" ADD COLUMN "mtoSellingPlanGroupGid" TEXT;

-- CreateTable
CREATE TABLE "MtoCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "originalLineItemGid" TEXT NOT NULL,
    "lineItemGid" TEXT NOT NULL,
    "productGid" TEXT,
    "variantGid" TEXT,
    "title" TEXT NOT NULL,
    "variantTitle" TEXT,
    "size" TEXT,
    "width" TEXT,
    "unitPriceMinor" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "customerGid" TEXT,
    "customerEmail" TEXT,
    "customerName" TEXT,
    "path" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "terms" TEXT NOT NULL,
    "orderedAt" DATETIME NOT NULL,
    "promisedShipDate" TEXT NOT NULL,
    "expectedConfirmationDate" TEXT,
    "scheduledShipDate" TEXT,
    "fulfillmentOrderGid" TEXT,
    "fitHoldGid" TEXT,
    "holdPlacedAt" DATETIME,
    "productionHoldGid" TEXT,
    "scheduledAt" DATETIME,
    "holdsReleasedAt" DATETIME,
    "fittingPairVariantGid" TEXT,
    "fittingPairLineItemGid" TEXT,
    "fittingPairAddedAt" DATETIME,
    "fittingPairFulfillmentGid" TEXT,
    "fittingPairShippedAt" DATETIME,
    "fittingPairDeliveredAt" DATETIME,
    "fitConfirmedAt" DATETIME,
    "fitConfirmedBy" TEXT,
    "fitFeel" TEXT,
    "confirmedSize" TEXT,
    "confirmedWidth" TEXT,
    "fitNotes" TEXT,
    "sizeChangeRequest" TEXT,
    "reminderSentAt" DATETIME,
    "reminderCount" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" DATETIME,
    "fittingPairReturnedAt" DATETIME,
    "fittingPairOverdueAt" DATETIME,
    "shippedAt" DATETIME,
    "cancelledAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'new',
    "nextActionAt" DATETIME,
    "nextAction" TEXT,
    "advanceLockedBy" TEXT,
    "advanceLockedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MtoEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "occurredAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MtoEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MtoCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FitEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "width" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "MtoCase_shop_status_idx" ON "MtoCase"("shop", "status");

-- CreateIndex
CREATE INDEX "MtoCase_shop_orderGid_idx" ON "MtoCase"("shop", "orderGid");

-- CreateIndex
CREATE INDEX "MtoCase_shop_customerGid_idx" ON "MtoCase"("shop", "customerGid");

-- CreateIndex
CREATE UNIQUE INDEX "MtoCase_shop_originalLineItemGid_key" ON "MtoCase"("shop", "originalLineItemGid");

-- CreateIndex
CREATE INDEX "MtoEvent_caseId_occurredAt_idx" ON "MtoEvent"("caseId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "MtoEvent_caseId_dedupeKey_key" ON "MtoEvent"("caseId", "dedupeKey");

-- CreateIndex
CREATE INDEX "FitEvidence_shop_customerGid_idx" ON "FitEvidence"("shop", "customerGid");

-- CreateIndex
CREATE UNIQUE INDEX "FitEvidence_shop_customerGid_source_sourceRef_key" ON "FitEvidence"("shop", "customerGid", "source", "sourceRef");

