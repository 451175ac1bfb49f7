-- CreateTable
CREATE TABLE "MtoStockMark" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "inventoryItemGid" TEXT NOT NULL,
    "variantGid" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "MtoStockMark_shop_inventoryItemGid_key" ON "MtoStockMark"("shop", "inventoryItemGid");

-- CreateIndex
CREATE UNIQUE INDEX "MtoStockMark_shop_variantGid_key" ON "MtoStockMark"("shop", "variantGid");

