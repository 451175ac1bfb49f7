import { defaultPolicy } from "~/domain/policy/defaults";
import type { FriendNewness, ReferrerDecision } from "./eligibility";
import type { FriendOrderFacts, RewardCase } from "./reward";
import { referralTerms, type ReferralTerms } from "./terms";

// The reference store's program ("Give $20, Get $20", rewards after the 14-day return window),
// as policy v5, and a friend's order, for the tests.

export const TERMS: ReferralTerms = referralTerms(defaultPolicy("USD"), 5);

/** Delivered on 2026-12-01 at 15:00 New York time. */
export const DELIVERED = new Date("2026-12-01T20:00:00Z");

/** Noon in New York `days` days after the delivery day. */
export const dayAfterDelivery = (days: number) => new Date(Date.UTC(2026, 11, 1 + days, 17, 0, 0));

export const CUSTOMER_REFERRER: ReferrerDecision = {
  allowed: true,
  as: "customer",
  sentence: "Customer with 1 paid order kept.",
};

export const NEW_FRIEND: FriendNewness = { isNew: true, matches: [], sentence: "First order." };

export function friendOrder(over: Partial<FriendOrderFacts> = {}): FriendOrderFacts {
  return {
    orderedAt: new Date("2026-11-25T15:00:00Z"),
    paid: true,
    cancelledAt: null,
    lines: [
      { lineItemGid: "gid://shopify/LineItem/1", quantity: 1, unitValue: 24500, returned: 0 },
    ],
    deliveredAt: DELIVERED,
    ...over,
  };
}

export function rewardCase(over: Partial<RewardCase> = {}): RewardCase {
  return {
    terms: TERMS,
    order: friendOrder(),
    referrer: CUSTOMER_REFERRER,
    newness: NEW_FRIEND,
    signals: [],
    amount: 2000,
    review: null,
    payNow: false,
    paidAt: null,
    ...over,
  };
}
