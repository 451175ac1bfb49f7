-- CreateTable
CREATE TABLE "MtoStockMark" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "inventoryItemGid" TEXT NOT NULL,
    "variantGid" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MtoStockMark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MtoStockMark_shop_inventoryItemGid_key" ON "MtoStockMark"("shop", "inventoryItemGid");

-- CreateIndex
CREATE UNIQUE INDEX "MtoStockMark_shop_variantGid_key" ON "MtoStockMark"("shop", "variantGid");

