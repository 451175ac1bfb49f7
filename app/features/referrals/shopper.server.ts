import prisma from "~/db.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { decisionOf } from "./case.server";
import { referrerWithCode } from "./codes.server";
import { mayRefer, standingFrom } from "./domain/eligibility";
import type { RewardStatus } from "./domain/reward";
import { referralTerms } from "./domain/terms";

// The shopper's referral page: the program's offer; for a signed-in customer who may refer, their
// code (made on their first visit) and link, and each friend's order with its reward's state —
// the friend named by first name only.

export interface ShopperReferral {
  friend: string | null;
  orderedAt: string;
  status: RewardStatus;
  windowLastDay: string | null;
  amount: number;
}

export async function referralOffer(shop: string) {
  const { version, document } = await getCurrentPolicy(shop);
  return referralTerms(document, version);
}

export async function shopperReferrals(shop: string, customerGid: string) {
  const terms = await referralOffer(shop);
  const [orders, known] = await Promise.all([
    prisma.shopOrder.findMany({
      where: { shop, customerGid },
      select: {
        orderGid: true,
        financialStatus: true,
        cancelledAt: true,
        email: true,
        customerName: true,
      },
      orderBy: { processedAt: "desc" },
    }),
    prisma.referrer.findUnique({ where: { shop_customerGid: { shop, customerGid } } }),
  ]);
  const decision = mayRefer(standingFrom(orders, known?.ambassadorStatus ?? null), terms);
  if (!decision.allowed) return { terms, eligible: false as const, reason: decision.reason };
  const named = orders.find((o) => o.email);
  const [firstName, ...rest] = (named?.customerName ?? "").split(" ");
  const { referrer, code } = await referrerWithCode(shop, {
    customerGid,
    email: named?.email ?? null,
    firstName: firstName || null,
    lastName: rest.join(" ") || null,
  });
  const cases = await prisma.referralCase.findMany({
    where: { shop, referrerId: referrer.id },
    orderBy: { orderedAt: "desc" },
    take: 50,
  });
  const referrals: ShopperReferral[] = cases.map((c) => {
    const d = decisionOf(c);
    return {
      friend: c.friendName,
      orderedAt: c.orderedAt.toISOString(),
      status: d.status,
      windowLastDay: d.windowLastDay,
      amount: c.rewardMinor,
    };
  });
  return {
    terms,
    eligible: true as const,
    code: code.code,
    ready: code.status === "active",
    referrals,
  };
}
