import prisma from "~/db.server";
import type { OrderFacts } from "~/domain/order-facts";
import { recordMtoFact } from "./case.server";

// Made-to-order facts, as webhooks report them. Each fact is written once (duplicate and
// reordered deliveries change nothing twice); then the case's job is asked to act on it.

export async function recordMtoCancelled(shop: string, orderGid: string, at: Date) {
  const cases = await prisma.mtoCase.findMany({ where: { shop, orderGid, cancelledAt: null } });
  for (const c of cases)
    await recordMtoFact(
      c,
      { cancelledAt: at },
      {
        kind: "order.cancelled",
        message: "Order cancelled: made-to-order stopped",
        dedupeKey: "cancelled",
        occurredAt: at,
      },
      { cancelledAt: null },
    );
}

/**
 * fulfillments/create: the fitting pair left (the fitting is under way) or the made-to-order pair
 * itself shipped (the case is done).
 */
export async function recordMtoFulfilment(
  shop: string,
  orderGid: string,
  fulfillmentGid: string,
  lineItemGids: string[],
  at: Date,
) {
  const cases = await prisma.mtoCase.findMany({ where: { shop, orderGid } });
  for (const c of cases) {
    if (
      c.fittingPairLineItemGid &&
      lineItemGids.includes(c.fittingPairLineItemGid) &&
      !c.fittingPairShippedAt
    )
      await recordMtoFact(
        c,
        { fittingPairShippedAt: at, fittingPairFulfillmentGid: fulfillmentGid },
        {
          kind: "fitting_pair.shipped",
          message: "Fitting pair and measurement kit shipped",
          dedupeKey: `fitting-shipped:${fulfillmentGid}`,
          occurredAt: at,
        },
      );
    if (lineItemGids.includes(c.lineItemGid) && !c.shippedAt)
      await recordMtoFact(
        c,
        { shippedAt: at },
        {
          kind: "shipped",
          message: "Made-to-order pair shipped",
          dedupeKey: `shipped:${fulfillmentGid}`,
          occurredAt: at,
        },
      );
  }
}

/** A delivery scan for the fitting pair's fulfillment starts the shopper's fitting clock. */
export async function recordMtoDelivery(
  shop: string,
  orderGid: string,
  fulfillmentGid: string,
  at: Date,
) {
  const cases = await prisma.mtoCase.findMany({
    where: {
      shop,
      orderGid,
      fittingPairFulfillmentGid: fulfillmentGid,
      fittingPairDeliveredAt: null,
    },
  });
  for (const c of cases)
    await recordMtoFact(
      c,
      { fittingPairDeliveredAt: at },
      {
        kind: "fitting_pair.delivered",
        message: "Fitting pair delivered: waiting for the shopper to confirm the size",
        dedupeKey: `fitting-delivered:${fulfillmentGid}`,
        occurredAt: at,
      },
    );
}

/** A processed return holding the fitting pair closes the fitting. */
export async function recordMtoReturn(
  shop: string,
  orderGid: string,
  lineItemGids: string[],
  at: Date,
  returnGid: string,
) {
  const cases = await prisma.mtoCase.findMany({
    where: { shop, orderGid, fittingPairReturnedAt: null },
  });
  for (const c of cases)
    if (c.fittingPairLineItemGid && lineItemGids.includes(c.fittingPairLineItemGid))
      await recordMtoFact(
        c,
        { fittingPairReturnedAt: at },
        {
          kind: "fitting_pair.returned",
          message: "Fitting pair returned",
          dedupeKey: `fitting-returned:${returnGid}`,
          occurredAt: at,
        },
      );
}

/** The order facts made-to-order subscribes to (app/policies.server.ts). */
export const mtoOrderFacts = {
  orderCancelled: ({ shop, orderGid, at }) => recordMtoCancelled(shop, orderGid, at),
  fulfilled: ({ shop, orderGid, fulfillmentGid, lineItemGids, at }) =>
    recordMtoFulfilment(shop, orderGid, fulfillmentGid, lineItemGids, at),
  delivered: ({ shop, orderGid, fulfillmentGid, at }) =>
    recordMtoDelivery(shop, orderGid, fulfillmentGid, at),
  // A processed return holding the fitting pair closes the fitting.
  returned: async ({ shop, orderGid, lineItemGids, at, returnGid, step }) => {
    if (step === "processed") await recordMtoReturn(shop, orderGid, lineItemGids, at, returnGid);
  },
} satisfies Required<Omit<OrderFacts, "orderCreated" | "orderPaid" | "refunded">>;
