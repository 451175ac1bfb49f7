import prisma from "~/db.server";
import { now } from "~/platform/clock.server";
import { getCurrentPolicy } from "./policy.server";

export async function shopOverview(shop: string) {
  const dayAgo = new Date(now().getTime() - 24 * 3600_000);
  const [policy, orders, delivered, webhooks24h, rejected24h, queuedJobs, deadJobs] =
    await Promise.all([
      getCurrentPolicy(shop),
      prisma.shopOrder.count({ where: { shop } }),
      // One delivery can be reported twice (carrier event and fulfillment update): count fulfillments.
      prisma.orderEvent
        .findMany({
          where: { shop, kind: "fulfillment.delivered" },
          distinct: ["subjectGid"],
          select: { subjectGid: true },
        })
        .then((rows) => rows.length),
      prisma.webhookDelivery.count({ where: { shop, receivedAt: { gte: dayAgo } } }),
      prisma.webhookDelivery.count({
        where: { shop, receivedAt: { gte: dayAgo }, status: "rejected" },
      }),
      prisma.job.count({ where: { shop, status: { in: ["queued", "running"] } } }),
      prisma.job.count({ where: { shop, status: "dead" } }),
    ]);
  const recentOrders = await prisma.shopOrder.findMany({
    where: { shop },
    orderBy: { processedAt: "desc" },
    take: 5,
    select: {
      orderGid: true,
      name: true,
      totalMinor: true,
      currencyCode: true,
      financialStatus: true,
      processedAt: true,
    },
  });
  return {
    policy: {
      version: policy.version,
      savedAt: policy.createdAt.toISOString(),
      document: policy.document,
    },
    counts: { orders, delivered, webhooks24h, rejected24h, queuedJobs, deadJobs },
    recentOrders: recentOrders.map((o) => ({ ...o, processedAt: o.processedAt.toISOString() })),
  };
}
