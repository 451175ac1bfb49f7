import type { MtoCase } from "@prisma/client";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { performEffect } from "~/platform/effects.server";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import {
  fetchOrder,
  fulfillmentOrderOf,
  placeHold,
  releaseHold,
  type MtoFulfillmentOrder,
} from "./fulfillment.server";

// The app's own fulfillment holds on a made-to-order pair (the fit hold, the production hold),
// told apart from anyone else's by their handle.

/**
 * Places one of our holds (told apart by handle) once: a hold already there is ours, and a retry
 * after a lost answer finds it on the fulfillment order instead of placing a second.
 */
export async function placeOurHold(
  c: MtoCase,
  graphql: AdminGraphql,
  fo: MtoFulfillmentOrder,
  handle: string,
  reasonNotes: string,
  key: string,
): Promise<string> {
  const onShopify = async () =>
    fulfillmentOrderOf(await fetchOrder(graphql, c.orderGid), c.lineItemGid).fulfillmentHolds.find(
      (h) => h.handle === handle,
    )?.id;
  const existing = fo.fulfillmentHolds.find((h) => h.handle === handle)?.id;
  if (existing) return existing;
  return performEffect(
    { shop: c.shop, key: `mto:${c.id}:${key}`, kind: "fulfillment.hold", request: { fo: fo.id } },
    async () => {
      const placed = await placeHold(graphql, fo.id, handle, reasonNotes);
      const id = placed ?? (await onShopify());
      if (!id) throw new TerminalJobError(`hold ${handle} is neither placed nor on the order`);
      return id;
    },
    { reconcile: onShopify },
  );
}

/** Releases one of our holds; a retry after a lost answer finds the hold gone and stops there. */
export function releaseOurHold(c: MtoCase, graphql: AdminGraphql, foGid: string, holdGid: string) {
  return performEffect(
    {
      shop: c.shop,
      key: `mto:${c.id}:release:${holdGid}`,
      kind: "fulfillment.release",
      request: { fo: foGid },
    },
    () => releaseHold(graphql, foGid, holdGid),
    {
      reconcile: async () => {
        const order = await fetchOrder(graphql, c.orderGid);
        const fo = order.fulfillmentOrders.nodes.find((f) => f.id === foGid);
        return fo && !fo.fulfillmentHolds.some((h) => h.id === holdGid) ? fo.status : undefined;
      },
    },
  );
}
