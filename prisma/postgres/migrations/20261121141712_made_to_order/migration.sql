-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "mtoSellingPlanDigest" TEXT,
ADD COLUMN     "mtoSellingPlanGid" TEXT,
ADD COLUMN     "mtoSellingPlanGroupGid" TEXT;

-- CreateTable
CREATE TABLE "MtoCase" (
    "id" TEXT NOT NULL,
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
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "promisedShipDate" TEXT NOT NULL,
    "expectedConfirmationDate" TEXT,
    "scheduledShipDate" TEXT,
    "fulfillmentOrderGid" TEXT,
    "fitHoldGid" TEXT,
    "holdPlacedAt" TIMESTAMP(3),
    "productionHoldGid" TEXT,
    "scheduledAt" TIMESTAMP(3),
    "holdsReleasedAt" TIMESTAMP(3),
    "fittingPairVariantGid" TEXT,
    "fittingPairLineItemGid" TEXT,
    "fittingPairAddedAt" TIMESTAMP(3),
    "fittingPairFulfillmentGid" TEXT,
    "fittingPairShippedAt" TIMESTAMP(3),
    "fittingPairDeliveredAt" TIMESTAMP(3),
    "fitConfirmedAt" TIMESTAMP(3),
    "fitConfirmedBy" TEXT,
    "fitFeel" TEXT,
    "confirmedSize" TEXT,
    "confirmedWidth" TEXT,
    "fitNotes" TEXT,
    "sizeChangeRequest" TEXT,
    "reminderSentAt" TIMESTAMP(3),
    "reminderCount" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" TIMESTAMP(3),
    "fittingPairReturnedAt" TIMESTAMP(3),
    "fittingPairOverdueAt" TIMESTAMP(3),
    "shippedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'new',
    "nextActionAt" TIMESTAMP(3),
    "nextAction" TEXT,
    "advanceLockedBy" TEXT,
    "advanceLockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MtoCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MtoEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MtoEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FitEvidence" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "width" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FitEvidence_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "MtoEvent" ADD CONSTRAINT "MtoEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MtoCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

