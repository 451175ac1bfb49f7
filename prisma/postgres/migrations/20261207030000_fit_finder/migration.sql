-- CreateTable
CREATE TABLE "FitAnswer" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT,
    "productGid" TEXT NOT NULL,
    "productTitle" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "usualSize" TEXT NOT NULL,
    "usualWidth" TEXT NOT NULL,
    "between" BOOLEAN NOT NULL,
    "notes" TEXT NOT NULL,
    "brands" TEXT NOT NULL,
    "recommendedSize" TEXT NOT NULL,
    "recommendedWidth" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "orderGid" TEXT,
    "lineItemGid" TEXT,
    "orderedSize" TEXT,
    "orderedWidth" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FitAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FitOutcome" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerGid" TEXT,
    "productGid" TEXT NOT NULL,
    "productTitle" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "width" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "feedback" TEXT,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "usualSize" TEXT,
    "usualWidth" TEXT,
    "answerId" TEXT,
    "followed" BOOLEAN,
    "at" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FitOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FitAnswer_shop_customerGid_idx" ON "FitAnswer"("shop", "customerGid");

-- CreateIndex
CREATE INDEX "FitAnswer_shop_lineItemGid_idx" ON "FitAnswer"("shop", "lineItemGid");

-- CreateIndex
CREATE INDEX "FitAnswer_shop_productGid_idx" ON "FitAnswer"("shop", "productGid");

-- CreateIndex
CREATE UNIQUE INDEX "FitOutcome_shop_source_sourceRef_key" ON "FitOutcome"("shop", "source", "sourceRef");

-- CreateIndex
CREATE INDEX "FitOutcome_shop_productGid_usualSize_usualWidth_idx" ON "FitOutcome"("shop", "productGid", "usualSize", "usualWidth");
