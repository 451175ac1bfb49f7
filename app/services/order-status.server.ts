import prisma from "~/db.server";
import type { OrderStatusHook, OrderStatusPart } from "~/domain/order-status";
import { shopLogger } from "~/platform/logger.server";

// The customer account's order page (extensions/order-status-customer-account): whose order it
// is, then every policy's part for it. The policies are handed in (a PolicyModule fits
// OrderStatusSource) because shared code may not import the registry.

export interface OrderStatusSource {
  name: string;
  orderStatus?: OrderStatusHook;
}

/**
 * Whether the app's order mirror has this order as this customer's, in this shop. The mirror is
 * written for every order before any policy hears of it, so it answers for orders no policy took.
 */
export async function customerOwnsOrder(shop: string, customerGid: string, orderGid: string) {
  const order = await prisma.shopOrder.findFirst({
    where: { shop, orderGid, customerGid },
    select: { id: true },
  });
  return order !== null;
}

/**
 * Each policy's part for the order, in the order given; null when the order is not the
 * customer's. A policy that fails is logged and left out: one broken part must not take the
 * others off the shopper's order page.
 */
export async function orderStatusFor(
  sources: readonly OrderStatusSource[],
  shop: string,
  orderGid: string,
  customerGid: string,
): Promise<OrderStatusPart[] | null> {
  if (!(await customerOwnsOrder(shop, customerGid, orderGid))) return null;
  const parts = await Promise.all(
    sources.map(async (source) => {
      if (!source.orderStatus) return null;
      try {
        return await source.orderStatus(shop, orderGid, customerGid);
      } catch (err) {
        shopLogger(shop, { orderGid, policy: source.name }).error(
          { err },
          "order status part failed",
        );
        return null;
      }
    }),
  );
  return parts.filter((part): part is OrderStatusPart => part !== null);
}
