-- The admin list pages at volume (bench/admin-pages): each list's filter and sort, shop first.
CREATE INDEX "Trial_shop_status_nextActionAt_idx" ON "Trial"("shop", "status", "nextActionAt");
CREATE INDEX "Trial_shop_attentionReason_nextActionAt_idx" ON "Trial"("shop", "attentionReason", "nextActionAt");
CREATE INDEX "MtoCase_shop_status_orderedAt_idx" ON "MtoCase"("shop", "status", "orderedAt");
CREATE INDEX "MtoCase_shop_status_scheduledShipDate_idx" ON "MtoCase"("shop", "status", "scheduledShipDate");
CREATE INDEX "ReturnCase_shop_status_requestedAt_idx" ON "ReturnCase"("shop", "status", "requestedAt");
CREATE INDEX "ReturnCase_shop_requestedAt_idx" ON "ReturnCase"("shop", "requestedAt");
CREATE INDEX "ReferralCase_shop_status_orderedAt_idx" ON "ReferralCase"("shop", "status", "orderedAt");
CREATE INDEX "ReferralCase_shop_orderedAt_idx" ON "ReferralCase"("shop", "orderedAt");
CREATE INDEX "Referrer_shop_ambassadorStatus_updatedAt_idx" ON "Referrer"("shop", "ambassadorStatus", "updatedAt");
