-- Fair claims (app/platform/jobs/queue.server.ts): the oldest due job of each shop, one seek per shop.
CREATE INDEX "Job_shop_status_runAt_idx" ON "Job"("shop", "status", "runAt");
