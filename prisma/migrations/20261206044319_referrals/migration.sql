-- CreateTable
CREATE TABLE "Referrer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT,
    "email" TEXT,
    "emailKey" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "addressKeys" TEXT NOT NULL DEFAULT '[]',
    "paymentKeys" TEXT NOT NULL DEFAULT '[]',
    "ambassadorStatus" TEXT,
    "ambassadorRewardMinor" INTEGER,
    "socialHandle" TEXT,
    "applicationNote" TEXT,
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReferralCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "referrerId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'issued',
    "bulkCreationId" TEXT,
    "redeemCodeGid" TEXT,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReferralCode_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Referrer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferralIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "customerGid" TEXT,
    "emailKey" TEXT,
    "addressKey" TEXT,
    "paymentKey" TEXT,
    "orderedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReferralCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "referrerId" TEXT NOT NULL,
    "friendCustomerGid" TEXT,
    "friendEmailKey" TEXT,
    "friendAddressKey" TEXT,
    "friendName" TEXT,
    "policyVersion" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "discountMinor" INTEGER NOT NULL,
    "rewardMinor" INTEGER NOT NULL,
    "rewardForm" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "newness" TEXT NOT NULL,
    "referrerDecision" TEXT NOT NULL,
    "signals" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "voidReason" TEXT,
    "windowLastDay" TEXT,
    "review" TEXT,
    "reviewNote" TEXT,
    "payNow" BOOLEAN NOT NULL DEFAULT false,
    "paidAt" DATETIME,
    "nextActionAt" DATETIME,
    "advanceLockedBy" TEXT,
    "advanceLockedUntil" DATETIME,
    "orderedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReferralCase_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Referrer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferralMoney" (
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
    CONSTRAINT "ReferralMoney_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReferralCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferralEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "occurredAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReferralEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReferralCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferralProgram" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "codeDiscountGid" TEXT,
    "automaticDiscountGid" TEXT,
    "policyVersion" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Referrer_shop_emailKey_idx" ON "Referrer"("shop", "emailKey");

-- CreateIndex
CREATE INDEX "Referrer_shop_ambassadorStatus_idx" ON "Referrer"("shop", "ambassadorStatus");

-- CreateIndex
CREATE UNIQUE INDEX "Referrer_shop_customerGid_key" ON "Referrer"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "ReferralCode_referrerId_idx" ON "ReferralCode"("referrerId");

-- CreateIndex
CREATE INDEX "ReferralCode_shop_status_idx" ON "ReferralCode"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralCode_shop_code_key" ON "ReferralCode"("shop", "code");

-- CreateIndex
CREATE INDEX "ReferralIdentity_shop_customerGid_idx" ON "ReferralIdentity"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "ReferralIdentity_shop_emailKey_idx" ON "ReferralIdentity"("shop", "emailKey");

-- CreateIndex
CREATE INDEX "ReferralIdentity_shop_addressKey_idx" ON "ReferralIdentity"("shop", "addressKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralIdentity_shop_orderGid_key" ON "ReferralIdentity"("shop", "orderGid");

-- CreateIndex
CREATE INDEX "ReferralCase_shop_status_idx" ON "ReferralCase"("shop", "status");

-- CreateIndex
CREATE INDEX "ReferralCase_shop_referrerId_idx" ON "ReferralCase"("shop", "referrerId");

-- CreateIndex
CREATE INDEX "ReferralCase_shop_code_orderedAt_idx" ON "ReferralCase"("shop", "code", "orderedAt");

-- CreateIndex
CREATE INDEX "ReferralCase_shop_friendAddressKey_idx" ON "ReferralCase"("shop", "friendAddressKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralCase_shop_orderGid_key" ON "ReferralCase"("shop", "orderGid");

-- CreateIndex
CREATE INDEX "ReferralMoney_caseId_idx" ON "ReferralMoney"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralMoney_shop_idempotencyKey_key" ON "ReferralMoney"("shop", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ReferralEvent_caseId_occurredAt_idx" ON "ReferralEvent"("caseId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralEvent_caseId_dedupeKey_key" ON "ReferralEvent"("caseId", "dedupeKey");

