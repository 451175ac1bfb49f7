import prisma from "~/db.server";
import { money } from "~/domain/money";
import type { ReferralPart } from "~/domain/order-status";
import { referrerRewardAmount } from "./domain/eligibility";
import { referralOffer } from "./shopper.server";

// Referrals' part of the customer account's order page: the shopper's own link, when the program
// is on and they already hold a live code. Read only: a code is made on the referral page
// (shopperReferrals), never by viewing an order.

export async function referralOrderStatus(
  shop: string,
  _orderGid: string,
  customerGid: string,
): Promise<ReferralPart | null> {
  const terms = await referralOffer(shop);
  if (!terms.enabled) return null;
  const referrer = await prisma.referrer.findUnique({
    where: { shop_customerGid: { shop, customerGid } },
    include: { codes: { where: { shop, status: "active" }, orderBy: { createdAt: "desc" } } },
  });
  const code = referrer?.codes[0];
  if (!referrer || !code) return null;
  const as = referrer.ambassadorStatus === "approved" ? "ambassador" : "customer";
  return {
    kind: "referral",
    code: code.code,
    path: `/apps/fitting-room/r/${encodeURIComponent(code.code)}`,
    friendReward:
      terms.friendReward.kind === "amount"
        ? { kind: "amount", amount: money(terms.friendReward.amount, terms.currency) }
        : { kind: "percent", percent: terms.friendReward.percent },
    referrerReward: money(
      referrerRewardAmount(as, terms, referrer.ambassadorRewardMinor),
      terms.currency,
    ),
  };
}
