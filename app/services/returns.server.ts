import prisma from "~/db.server";

/** Return requests and their progress as Shopify reported them, newest first. */
export async function recentReturnEvents(shop: string, take = 50) {
  const events = await prisma.orderEvent.findMany({
    where: { shop, kind: { startsWith: "return." } },
    orderBy: { occurredAt: "desc" },
    take,
  });
  const orders = await prisma.shopOrder.findMany({
    where: { shop, orderGid: { in: [...new Set(events.map((e) => e.orderGid))] } },
    select: { orderGid: true, name: true },
  });
  const names = new Map(orders.map((o) => [o.orderGid, o.name]));
  return events.map((e) => ({
    id: e.id,
    order: names.get(e.orderGid) ?? e.orderGid,
    returnGid: e.subjectGid,
    kind: e.kind.replace("return.", ""),
    occurredAt: e.occurredAt.toISOString(),
  }));
}
