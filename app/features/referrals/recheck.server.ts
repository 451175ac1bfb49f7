import type { Logger } from "pino";
import type { ReferralCase } from "@prisma/client";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import prisma from "~/db.server";
import { addReferralEvent, termsOf } from "./case.server";
import { withShopifyHistory, type FriendNewness } from "./domain/eligibility";
import { sameCard, type FraudSignal } from "./domain/fraud";
import { cardKey, type CardDetails } from "./domain/identity";
import { referralOrderFacts, returnsAsRead } from "./facts.server";
import { readFriendOrder, referrerPayments } from "./shopify.server";

// Before a reward is first paid (and daily while a return holds it), the friend's order is read
// from Shopify: webhooks can arrive late or not at all, and a reward paid on a refund nobody
// heard of cannot be taken back. What the read finds goes through the same once-only fact
// handlers as the webhooks, so a webhook arriving afterwards changes nothing. The card paid with
// is compared with the referrer's here too: only the Admin API shows it.

const STILL_OPEN = new Set(["REQUESTED", "OPEN"]);
// Paid in full at some point (refunds are read on their own).
const PAID = new Set(["PAID", "PARTIALLY_REFUNDED", "REFUNDED"]);

type RecheckedCase = Pick<
  ReferralCase,
  "id" | "shop" | "orderGid" | "orderName" | "signals" | "newness" | "terms"
> & {
  referrer: { customerGid: string | null };
};

const cardKeys = (transactions: readonly { paymentDetails?: unknown }[]) => [
  ...new Set(
    transactions.flatMap((t) => {
      const key = cardKey(t.paymentDetails as CardDetails | null);
      return key ? [key] : [];
    }),
  ),
];

/**
 * The card check Shopify's order webhook cannot give: the friend's card against the cards on
 * the referrer's own recent orders. A match flags the reward for the merchant (self_payment).
 */
async function checkCards(
  c: RecheckedCase,
  friendCards: string[],
  graphql: AdminGraphql,
  log: Logger,
) {
  const signals = JSON.parse(c.signals) as FraudSignal[];
  const customerId = c.referrer.customerGid;
  if (friendCards.length === 0 || !customerId || signals.some((s) => s.code === "self_payment"))
    return;
  const referrerCards = cardKeys(await referrerPayments(graphql, customerId, c.orderGid));
  const signal = sameCard(friendCards, referrerCards);
  if (!signal) return;
  await prisma.$transaction(async (tx) => {
    await tx.referralCase.update({
      where: { id: c.id },
      data: { signals: JSON.stringify([...signals, signal]) },
    });
    await addReferralEvent(
      c,
      { kind: "referral.flagged", message: signal.reason, dedupeKey: "signal:self_payment" },
      tx,
    );
  });
  log.warn(
    { shop: c.shop, caseId: c.id, order: c.orderName },
    "friend paid with the referrer's card",
  );
}

/** Shopify's history of the friend's customer record may know an order the app never saw. */
async function checkHistory(c: RecheckedCase, firstOrderGid: string | null, log: Logger) {
  const newness = JSON.parse(c.newness) as FriendNewness;
  const checks = termsOf(c).newFriendChecks;
  const seen = withShopifyHistory(newness, firstOrderGid, c.orderGid, checks);
  if (seen === newness) return;
  await prisma.$transaction(async (tx) => {
    await tx.referralCase.update({ where: { id: c.id }, data: { newness: JSON.stringify(seen) } });
    await addReferralEvent(
      c,
      { kind: "referral.not_new", message: seen.sentence, dedupeKey: "newness:shopify" },
      tx,
    );
  });
  log.info({ shop: c.shop, caseId: c.id, first: firstOrderGid }, "friend had ordered before");
}

export async function recheckFriendOrder(c: RecheckedCase, graphql: AdminGraphql, log: Logger) {
  const { shop, orderGid } = c;
  const order = await readFriendOrder(graphql, orderGid);
  if (!order) {
    // Deleted in Shopify: an order that no longer exists was not kept.
    log.warn({ shop, caseId: c.id, order: c.orderName }, "friend's order is gone from Shopify");
    await referralOrderFacts.orderCancelled({ shop, orderGid, at: now() });
    return;
  }
  if (PAID.has(order.displayFinancialStatus ?? ""))
    await referralOrderFacts.orderPaid({ shop, orderGid, at: now() });
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
  await checkHistory(c, order.customer?.orders.nodes[0]?.id ?? null, log);
  await checkCards(c, cardKeys(order.transactions), graphql, log);
  log.info(
    { shop, caseId: c.id, order: c.orderName, refunds: order.refunds.length, openReturns: open },
    "friend's order re-read before the reward",
  );
}
