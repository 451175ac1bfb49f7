import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { metrics } from "~/platform/metrics.server";
import { recordDelivery } from "~/platform/webhooks/inbox-writer.server";

const SHOP = "demo-shoes.myshopify.com";

async function batchStats(): Promise<{ commits: number; deliveries: number }> {
  const { values } = await metrics.inboxBatch.get();
  const value = (name: string) => values.find((v) => v.metricName === name)?.value ?? 0;
  return {
    commits: value("fitting_room_webhook_inbox_batch_deliveries_count"),
    deliveries: value("fitting_room_webhook_inbox_batch_deliveries_sum"),
  };
}

const delivery = (id: string) => ({
  id,
  shop: SHOP,
  topic: "orders/create",
  apiVersion: "2026-10",
  eventId: null,
  triggeredAt: null,
  payload: "{}",
});

describe("webhook inbox group commit", () => {
  it("writes a burst of deliveries arriving turn after turn in a few commits", async () => {
    await prisma.shop.create({ data: { domain: SHOP } });
    await recordDelivery(delivery("first"));
    const before = await batchStats();
    // Each delivery reaches the writer in its own event-loop turn, as requests read off sockets
    // do; SQLite commits without yielding, so without a linger each would commit alone.
    const pending: Promise<string>[] = [];
    for (let i = 0; i < 60; i += 1) {
      pending.push(recordDelivery(delivery(`burst-${i}`)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(new Set(await Promise.all(pending))).toEqual(new Set(["accepted"]));
    const after = await batchStats();
    expect(after.deliveries - before.deliveries).toBe(60);
    expect(after.commits - before.commits).toBeLessThanOrEqual(20);
    expect(await prisma.webhookDelivery.count({ where: { shop: SHOP } })).toBe(61);
    expect(await prisma.job.count({ where: { shop: SHOP } })).toBe(61);
  });
});
