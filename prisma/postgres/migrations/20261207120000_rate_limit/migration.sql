-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "windowStartMs" BIGINT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_windowStartMs_idx" ON "RateLimit"("windowStartMs");

-- CreateIndex
CREATE INDEX "RateLimit_shop_idx" ON "RateLimit"("shop");
