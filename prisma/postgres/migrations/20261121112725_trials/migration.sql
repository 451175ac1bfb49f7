-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "trialSellingPlanGid" TEXT,
ADD COLUMN     "trialSellingPlanGroupGid" TEXT;

-- CreateTable
CREATE TABLE "Trial" (
    "id" TEXT NOT NULL,
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
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "fulfilledAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "deliveryReportedAt" TIMESTAMP(3),
    "extensionDays" INTEGER NOT NULL DEFAULT 0,
    "windowClosesAt" TIMESTAMP(3),
    "authorizationAttempts" INTEGER NOT NULL DEFAULT 0,
    "authorizationGid" TEXT,
    "authorizationAmount" INTEGER,
    "authorizationExpiresAt" TIMESTAMP(3),
    "authorizationFailedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "settledAt" TIMESTAMP(3),
    "owedMinor" INTEGER,
    "collectedMinor" INTEGER NOT NULL DEFAULT 0,
    "nextActionAt" TIMESTAMP(3),
    "nextAction" TEXT,
    "questionnaire" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Trial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialLine" (
    "id" TEXT NOT NULL,
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
    "returnStartedAt" TIMESTAMP(3),
    "returnReceivedAt" TIMESTAMP(3),
    "damaged" BOOLEAN NOT NULL DEFAULT false,
    "damageFeeWaived" BOOLEAN NOT NULL DEFAULT false,
    "exchanged" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrialLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialPayment" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrialPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialEvent" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrialEvent_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "TrialLine" ADD CONSTRAINT "TrialLine_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialPayment" ADD CONSTRAINT "TrialPayment_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

