import { formatMoney, money, percentOf } from "~/domain/money";
import type { NewFriendCheck, ReferralTerms } from "./terms";

// Who may refer, who counts as a new friend, and what the friend gets. Pure.

export interface ReferrerStanding {
  /** The customer's paid orders and whether each came back whole (or was cancelled). */
  paidOrders: readonly { orderGid: string; fullyReturned: boolean; cancelled: boolean }[];
  ambassador: "approved" | "applied" | "declined" | null;
}

/** A referrer's standing from the store's orders as the app mirrors them (financial status). */
export function standingFrom(
  orders: readonly { orderGid: string; financialStatus: string | null; cancelledAt: Date | null }[],
  ambassadorStatus: string | null,
): ReferrerStanding {
  return {
    paidOrders: orders
      .filter((o) => ["paid", "partially_refunded", "refunded"].includes(o.financialStatus ?? ""))
      .map((o) => ({
        orderGid: o.orderGid,
        fullyReturned: o.financialStatus === "refunded",
        cancelled: o.cancelledAt !== null,
      })),
    ambassador: (ambassadorStatus as ReferrerStanding["ambassador"]) ?? null,
  };
}

export type ReferrerDecision =
  | { allowed: true; as: "customer" | "ambassador"; sentence: string }
  | { allowed: false; reason: "program_off" | "no_kept_order"; sentence: string };

export function mayRefer(standing: ReferrerStanding, terms: ReferralTerms): ReferrerDecision {
  if (!terms.enabled)
    return { allowed: false, reason: "program_off", sentence: "The referral program is paused." };
  if (terms.ambassadorsEnabled && standing.ambassador === "approved")
    return { allowed: true, as: "ambassador", sentence: "Approved ambassador." };
  const kept = standing.paidOrders.filter((o) => !o.fullyReturned && !o.cancelled);
  if (kept.length > 0)
    return {
      allowed: true,
      as: "customer",
      sentence: `Customer with ${kept.length} paid order${kept.length === 1 ? "" : "s"} kept.`,
    };
  return {
    allowed: false,
    reason: "no_kept_order",
    sentence: "Referral links open after your first order is paid and kept.",
  };
}

/** An earlier order of the shop, by the identities it carries (normalized by identity.ts). */
export interface EarlierOrder {
  orderGid: string;
  customerGid: string | null;
  emailKey: string | null;
  addressKey: string | null;
}

export interface FriendIdentity {
  customerGid: string | null;
  emailKey: string | null;
  addressKey: string | null;
}

export interface FriendNewness {
  isNew: boolean;
  /** Each check that found an earlier order, with the first such order. */
  matches: { check: NewFriendCheck; orderGid: string }[];
  sentence: string;
}

const CHECK_WORDS: Record<NewFriendCheck, string> = {
  customer: "the same customer",
  email: "the same email",
  address: "the same shipping address",
};

/** New friend: no earlier order (other than this one) by any identity the policy checks. */
export function friendNewness(
  friend: FriendIdentity,
  earlier: readonly EarlierOrder[],
  checks: readonly NewFriendCheck[],
): FriendNewness {
  const matches: FriendNewness["matches"] = [];
  for (const check of checks) {
    const mine =
      check === "customer"
        ? friend.customerGid
        : check === "email"
          ? friend.emailKey
          : friend.addressKey;
    if (!mine) continue;
    const hit = earlier.find(
      (o) =>
        (check === "customer" ? o.customerGid : check === "email" ? o.emailKey : o.addressKey) ===
        mine,
    );
    if (hit) matches.push({ check, orderGid: hit.orderGid });
  }
  if (matches.length === 0) return { isNew: true, matches, sentence: "First order: a new friend." };
  return {
    isNew: false,
    matches,
    sentence: `Not a first order: an earlier order has ${matches.map((m) => CHECK_WORDS[m.check]).join(", ")}.`,
  };
}

/**
 * The friend's newness against Shopify's own history: the first order on the customer record
 * Shopify attached this order to. It knows what the app cannot — orders from before the app was
 * installed, and a guest checkout Shopify matched to a customer by email. Only the "customer"
 * check reads it; a friend already found not new stays so.
 */
export function withShopifyHistory(
  newness: FriendNewness,
  firstOrderGid: string | null,
  thisOrderGid: string,
  checks: readonly NewFriendCheck[],
): FriendNewness {
  if (!newness.isNew || !checks.includes("customer") || !firstOrderGid) return newness;
  if (firstOrderGid === thisOrderGid) return newness;
  return {
    isNew: false,
    matches: [{ check: "customer", orderGid: firstOrderGid }],
    sentence:
      "Not a first order: Shopify has an earlier order on the friend's customer record (placed before the app saw it).",
  };
}

export interface FriendDiscount {
  qualifies: boolean;
  /** What comes off the order, in minor units (0 when it does not qualify). */
  amount: number;
  sentence: string;
}

/** The friend's reward on a subtotal (merchandise after line discounts, before this one). */
export function friendDiscount(subtotal: number, terms: ReferralTerms): FriendDiscount {
  const currency = terms.currency;
  const fmt = (n: number) => formatMoney(money(n, currency));
  if (subtotal < terms.minimumOrder)
    return {
      qualifies: false,
      amount: 0,
      sentence: `The referral reward needs an order of at least ${fmt(terms.minimumOrder)}.`,
    };
  const amount =
    terms.friendReward.kind === "amount"
      ? Math.min(terms.friendReward.amount, subtotal)
      : percentOf(money(subtotal, currency), terms.friendReward.percent).amount;
  const what =
    terms.friendReward.kind === "amount"
      ? fmt(amount)
      : `${terms.friendReward.percent}% (${fmt(amount)})`;
  return { qualifies: amount > 0, amount, sentence: `${what} off a first order.` };
}

/** What the referrer earns for one friend's order. */
export function referrerRewardAmount(
  as: "customer" | "ambassador",
  terms: ReferralTerms,
  ambassadorOwnAmount: number | null = null,
): number {
  if (as === "ambassador" && terms.ambassadorsEnabled)
    return ambassadorOwnAmount ?? terms.ambassadorReward;
  return terms.referrerReward;
}
