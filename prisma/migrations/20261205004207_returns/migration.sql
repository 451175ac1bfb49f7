-- CreateTable
CREATE TABLE "ReturnOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerGid" TEXT,
    "customerEmail" TEXT,
    "customerName" TEXT,
    "sourceName" TEXT,
    "shippingCountry" TEXT,
    "currencyCode" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "terms" TEXT NOT NULL,
    "placedAt" DATETIME NOT NULL,
    "snapshotAt" DATETIME,
    "outboundExchangesUsed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReturnOrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "lineItemGid" TEXT NOT NULL,
    "productGid" TEXT,
    "variantGid" TEXT,
    "title" TEXT NOT NULL,
    "variantTitle" TEXT,
    "quantity" INTEGER NOT NULL,
    "paidTotalMinor" INTEGER NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "compareAtMinor" INTEGER,
    "lineDiscounted" BOOLEAN NOT NULL DEFAULT false,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "productType" TEXT,
    "giftCard" BOOLEAN NOT NULL DEFAULT false,
    "purchaseOption" TEXT,
    "customFinalSale" BOOLEAN NOT NULL DEFAULT false,
    "fulfillmentGid" TEXT,
    "fulfillmentLineItemGid" TEXT,
    "deliveredAt" DATETIME,
    CONSTRAINT "ReturnOrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ReturnOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "returnGid" TEXT,
    "returnName" TEXT,
    "shopifyStatus" TEXT,
    "policyVersion" INTEGER NOT NULL,
    "decision" TEXT NOT NULL DEFAULT '{}',
    "reviewReason" TEXT,
    "reviewOutcome" TEXT,
    "reviewedAt" DATETIME,
    "reviewedBy" TEXT,
    "requestedAt" DATETIME NOT NULL,
    "approvedAt" DATETIME,
    "declinedAt" DATETIME,
    "declineReason" TEXT,
    "declineNote" TEXT,
    "reverseFulfillmentGid" TEXT,
    "reverseDeliveryGid" TEXT,
    "labelUrl" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "trackingAttachedAt" DATETIME,
    "parcelFlaggedAt" DATETIME,
    "receivedAt" DATETIME,
    "inspectedAt" DATETIME,
    "choiceRequestedAt" DATETIME,
    "exchangeReleaseRequestedAt" DATETIME,
    "exchangeReleasedAt" DATETIME,
    "processedAt" DATETIME,
    "closedAt" DATETIME,
    "cancelledAt" DATETIME,
    "expiredAt" DATETIME,
    "notifiedReviewAt" DATETIME,
    "notifiedReceivedAt" DATETIME,
    "outboundExchangeCovered" BOOLEAN,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "nextActionAt" DATETIME,
    "nextAction" TEXT,
    "advanceLockedBy" TEXT,
    "advanceLockedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReturnCase_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ReturnOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnCaseLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "lineItemGid" TEXT NOT NULL,
    "returnLineItemGid" TEXT,
    "quantity" INTEGER NOT NULL,
    "reason" TEXT,
    "reasonNote" TEXT,
    "fitFeedback" TEXT,
    "wantedSize" TEXT,
    "wantedWidth" TEXT,
    "outcome" TEXT NOT NULL,
    "exchangeVariantGid" TEXT,
    "exchangeTitle" TEXT,
    "exchangePriceMinor" INTEGER,
    "condition" TEXT NOT NULL DEFAULT 'unknown',
    "conditionNote" TEXT,
    "inspectedAt" DATETIME,
    "removedAt" DATETIME,
    CONSTRAINT "ReturnCaseLine_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReturnCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnMoney" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "idempotencyKey" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "reference" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReturnMoney_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReturnCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "occurredAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReturnEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReturnCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReturnOrder_shop_customerGid_idx" ON "ReturnOrder"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "ReturnOrder_shop_orderName_idx" ON "ReturnOrder"("shop", "orderName");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnOrder_shop_orderGid_key" ON "ReturnOrder"("shop", "orderGid");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnOrderLine_orderId_lineItemGid_key" ON "ReturnOrderLine"("orderId", "lineItemGid");

-- CreateIndex
CREATE INDEX "ReturnCase_shop_status_idx" ON "ReturnCase"("shop", "status");

-- CreateIndex
CREATE INDEX "ReturnCase_shop_orderId_idx" ON "ReturnCase"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnCase_shop_returnGid_key" ON "ReturnCase"("shop", "returnGid");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnCaseLine_caseId_lineItemGid_key" ON "ReturnCaseLine"("caseId", "lineItemGid");

-- CreateIndex
CREATE INDEX "ReturnMoney_caseId_idx" ON "ReturnMoney"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnMoney_shop_idempotencyKey_key" ON "ReturnMoney"("shop", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ReturnEvent_caseId_occurredAt_idx" ON "ReturnEvent"("caseId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnEvent_caseId_dedupeKey_key" ON "ReturnEvent"("caseId", "dedupeKey");

