-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "trialSellingPlanGid" TEXT;
ALTER TABLE "Shop" ADD COLUMN "trialSellingPlanGroupGid" TEXT;

-- CreateTable
CREATE TABLE "Trial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerGid" TEXT,
    "customerEmail" TEXT,
    "customerName" TEXT,
    "currencyCode" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "terms" TEXT NOT NULL,
    "plus" BOOLEAN NOT NULL DEFAULT false,
    "mandateGid" TEXT,
    "status" TEXT NOT NULL DEFAULT 'awaiting_authorization',
    "attentionReason" TEXT,
    "orderedAt" DATETIME NOT NULL,
    "fulfilledAt" DATETIME,
    "deliveredAt" DATETIME,
    "deliveryReportedAt" DATETIME,
    "extensionDays" INTEGER NOT NULL DEFAULT 0,
    "windowClosesAt" DATETIME,
    "authorizationAttempts" INTEGER NOT NULL DEFAULT 0,
    "authorizationGid" TEXT,
    "authorizationAmount" INTEGER,
    "authorizationExpiresAt" DATETIME,
    "authorizationFailedAt" DATETIME,
    "remindedAt" DATETIME,
    "cancelledAt" DATETIME,
    "settledAt" DATETIME,
    "owedMinor" INTEGER,
    "collectedMinor" INTEGER NOT NULL DEFAULT 0,
    "nextActionAt" DATETIME,
    "nextAction" TEXT,
    "questionnaire" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TrialLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trialId" TEXT NOT NULL,
    "lineItemGid" TEXT NOT NULL,
    "productGid" TEXT,
    "variantGid" TEXT,
    "title" TEXT NOT NULL,
    "variantTitle" TEXT,
    "quantity" INTEGER NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "choice" TEXT NOT NULL DEFAULT 'undecided',
    "returnGid" TEXT,
    "returnStartedAt" DATETIME,
    "returnReceivedAt" DATETIME,
    "damaged" BOOLEAN NOT NULL DEFAULT false,
    "damageFeeWaived" BOOLEAN NOT NULL DEFAULT false,
    "exchanged" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrialLine_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrialPayment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "amountMinor" INTEGER NOT NULL DEFAULT 0,
    "currencyCode" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "paymentReferenceId" TEXT,
    "transactionGid" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrialPayment_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrialEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trialId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "occurredAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Trial_shop_status_idx" ON "Trial"("shop", "status");

-- CreateIndex
CREATE INDEX "Trial_shop_windowClosesAt_idx" ON "Trial"("shop", "windowClosesAt");

-- CreateIndex
CREATE INDEX "Trial_shop_customerGid_idx" ON "Trial"("shop", "customerGid");

-- CreateIndex
CREATE UNIQUE INDEX "Trial_shop_orderGid_key" ON "Trial"("shop", "orderGid");

-- CreateIndex
CREATE UNIQUE INDEX "TrialLine_trialId_lineItemGid_key" ON "TrialLine"("trialId", "lineItemGid");

-- CreateIndex
CREATE INDEX "TrialPayment_trialId_sequence_idx" ON "TrialPayment"("trialId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "TrialPayment_shop_idempotencyKey_key" ON "TrialPayment"("shop", "idempotencyKey");

-- CreateIndex
CREATE INDEX "TrialEvent_trialId_occurredAt_idx" ON "TrialEvent"("trialId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrialEvent_trialId_dedupeKey_key" ON "TrialEvent"("trialId", "dedupeKey");

