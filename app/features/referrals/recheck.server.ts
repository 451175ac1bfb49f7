import type { Logger } from "pino";
import type { ReferralCase } from "@prisma/client";
import { adminRequest, type AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { referralOrderFacts, returnsAsRead } from "./facts.server";
import { REFERRALS_FRIEND_ORDER } from "./graphql";

// Before a reward is first paid (and daily while a return holds it), the friend's order is read
// from Shopify: webhooks can arrive late or not at all, and a reward paid on a refund nobody
// heard of cannot be taken back. What the read finds goes through the same once-only fact
// handlers as the webhooks, so a webhook arriving afterwards changes nothing.

const STILL_OPEN = new Set(["REQUESTED", "OPEN"]);

export async function recheckFriendOrder(
  c: Pick<ReferralCase, "id" | "shop" | "orderGid" | "orderName">,
  graphql: AdminGraphql,
  log: Logger,
) {
  const { shop, orderGid } = c;
  const data = await adminRequest(graphql, REFERRALS_FRIEND_ORDER, { id: orderGid });
  const order = data.order;
  if (!order) {
    // Deleted in Shopify: an order that no longer exists was not kept.
    log.warn({ shop, caseId: c.id, order: c.orderName }, "friend's order is gone from Shopify");
    await referralOrderFacts.orderCancelled({ shop, orderGid, at: now() });
    return;
  }
  if (order.cancelledAt)
    await referralOrderFacts.orderCancelled({ shop, orderGid, at: new Date(order.cancelledAt) });
  for (const refund of order.refunds)
    await referralOrderFacts.refunded({
      shop,
      orderGid,
      refundGid: refund.id,
      returnGid: null,
      lineItems: refund.refundLineItems.nodes.map((n) => ({
        lineItemGid: n.lineItem.id,
        quantity: n.quantity,
      })),
      at: refund.createdAt ? new Date(refund.createdAt) : now(),
    });
  const open = order.returns.nodes.filter((r) => STILL_OPEN.has(r.status)).map((r) => r.id);
  await returnsAsRead(shop, orderGid, open, now());
  log.info(
    { shop, caseId: c.id, order: c.orderName, refunds: order.refunds.length, openReturns: open },
    "friend's order re-read before the reward",
  );
}
