import { addCalendarDays, localDate } from "~/domain/calendar";
import { formatMoney, money } from "~/domain/money";
import type { FriendNewness, ReferrerDecision } from "./eligibility";
import type { FraudSignal } from "./fraud";
import type { ReferralTerms } from "./terms";

// Where a referrer's reward for one friend's order stands, recomputed from the facts every time
// (a duplicated or late webhook changes no outcome, only facts): waiting for payment, delivery
// or the friend's return window, flagged for the merchant, earned (payable now), paid, or
// voided with the reason. After payment, a refund or return is reported, and taken back only
// when the policy says so.

export interface FriendOrderFacts {
  orderedAt: Date;
  paid: boolean;
  cancelledAt: Date | null;
  /** Units and what each cost after discounts (before the referral discount), and units back. */
  lines: readonly { lineItemGid: string; quantity: number; unitValue: number; returned: number }[];
  /** When the last of the order's lines was delivered; null until every line is. */
  deliveredAt: Date | null;
  /** Returns Shopify still has open on the order (requested or open), read before paying. */
  openReturns?: readonly string[];
}

export interface RewardCase {
  terms: ReferralTerms;
  order: FriendOrderFacts;
  referrer: ReferrerDecision;
  newness: FriendNewness;
  signals: readonly FraudSignal[];
  /** The referrer's reward for this order (minor units), fixed when the case was opened. */
  amount: number;
  review: { decision: "approve" | "void"; note: string | null } | null;
  /** The merchant released it before the window ended ("Pay now"). */
  payNow: boolean;
  paidAt: Date | null;
}

export type RewardStatus =
  | "waiting_payment"
  | "waiting_delivery"
  | "waiting_window"
  | "waiting_return"
  | "flagged"
  | "earned"
  | "paid"
  | "voided";

export type VoidReason =
  | "merchant_voided"
  | "cancelled"
  | "referrer_not_eligible"
  | "not_new_friend"
  | "fully_returned"
  | "under_minimum";

export interface RewardDecision {
  status: RewardStatus;
  amount: number;
  voidReason: VoidReason | null;
  /** The last day of the friend's return window, once delivered. */
  windowLastDay: string | null;
  /** After payment: the order came back; what the policy does about it. */
  clawBack: { reason: VoidReason; action: ReferralTerms["clawBack"] } | null;
  /** What the merchant reads (with the policy version) and what the referrer reads. */
  rule: string;
  shopper: string;
}

export function keptValue(order: FriendOrderFacts): number {
  return order.lines.reduce(
    (sum, l) => sum + l.unitValue * Math.max(0, l.quantity - l.returned),
    0,
  );
}

export function fullyReturned(order: FriendOrderFacts): boolean {
  const units = order.lines.reduce((n, l) => n + l.quantity, 0);
  return units > 0 && order.lines.every((l) => l.returned >= l.quantity);
}

/** Why the order no longer earns a reward, from the order alone. */
function orderVoid(order: FriendOrderFacts, terms: ReferralTerms): VoidReason | null {
  if (order.cancelledAt) return "cancelled";
  if (fullyReturned(order)) return "fully_returned";
  if (order.lines.some((l) => l.returned > 0) && keptValue(order) < terms.minimumOrder)
    return "under_minimum";
  return null;
}

const VOID_WORDS: Record<VoidReason, string> = {
  merchant_voided: "the store voided it",
  cancelled: "the order was cancelled",
  referrer_not_eligible: "the referrer could not refer yet",
  not_new_friend: "it was not the friend's first order",
  fully_returned: "the order was returned",
  under_minimum: "what was kept fell under the order minimum",
};

export function rewardDecision(c: RewardCase, now: Date): RewardDecision {
  const { terms, order } = c;
  const fmt = (n: number) => formatMoney(money(n, terms.currency));
  const v = `Policy v${terms.policyVersion}`;
  const base = { amount: c.amount, voidReason: null, windowLastDay: null, clawBack: null };
  const lastDay =
    order.deliveredAt &&
    addCalendarDays(localDate(order.deliveredAt, terms.timeZone), terms.returnWindowDays);
  const voided = (reason: VoidReason): RewardDecision => ({
    ...base,
    status: "voided",
    voidReason: reason,
    windowLastDay: lastDay,
    rule: `${v}: no reward — ${VOID_WORDS[reason]}.`,
    shopper: `No reward: ${VOID_WORDS[reason]}.`,
  });

  if (c.paidAt) {
    const back = orderVoid(order, terms);
    return {
      ...base,
      status: "paid",
      windowLastDay: lastDay,
      clawBack: back ? { reason: back, action: terms.clawBack } : null,
      rule: back
        ? `${v}: ${fmt(c.amount)} paid, then ${VOID_WORDS[back]}; ${terms.clawBack === "debit_store_credit" ? "the unspent store credit is debited" : "nothing is taken back (policy)"}.`
        : `${v}: ${fmt(c.amount)} paid.`,
      shopper: `Paid: ${fmt(c.amount)}.`,
    };
  }
  if (c.review?.decision === "void") return voided("merchant_voided");
  const approved = c.review?.decision === "approve";
  if (order.cancelledAt) return voided("cancelled");
  if (!approved && !c.referrer.allowed) return voided("referrer_not_eligible");
  if (!approved && !c.newness.isNew) return voided("not_new_friend");
  const back = orderVoid(order, terms);
  if (back) return voided(back);
  if (!approved && c.signals.length > 0)
    return {
      ...base,
      status: "flagged",
      windowLastDay: lastDay,
      rule: `${v}: held for review — ${c.signals.map((s) => s.reason).join(" ")}`,
      shopper: "Ordered — the store is checking this referral.",
    };
  if (!order.paid)
    return {
      ...base,
      status: "waiting_payment",
      rule: `${v}: waits for the friend's order to be paid.`,
      shopper: "Ordered — waiting for payment.",
    };
  if (terms.holdUntilReturnWindowEnds && !c.payNow) {
    if (!lastDay)
      return {
        ...base,
        status: "waiting_delivery",
        rule: `${v}: released ${terms.returnWindowDays} days after the friend's order is delivered (the return window).`,
        shopper: `Ordered — your ${fmt(c.amount)} is released ${terms.returnWindowDays} days after delivery.`,
      };
    if (localDate(now, terms.timeZone) <= lastDay)
      return {
        ...base,
        status: "waiting_window",
        windowLastDay: lastDay,
        rule: `${v}: the friend may return until ${lastDay}; released the day after.`,
        shopper: `Waiting for the return window until ${lastDay}.`,
      };
    // A return asked for inside the window is refunded after it: the reward waits for its end.
    if ((order.openReturns ?? []).length > 0)
      return {
        ...base,
        status: "waiting_return",
        windowLastDay: lastDay,
        rule: `${v}: the friend's return window ended ${lastDay}, but a return on the order is still open; released once it closes with the order kept.`,
        shopper: "Waiting — the friend has a return open.",
      };
  }
  return {
    ...base,
    status: "earned",
    windowLastDay: lastDay,
    rule: c.payNow
      ? `${v}: ${fmt(c.amount)} released by the store before the window ended.`
      : terms.holdUntilReturnWindowEnds
        ? `${v}: ${fmt(c.amount)} earned — the friend's return window ended ${lastDay} and the order was kept.`
        : `${v}: ${fmt(c.amount)} earned when the friend's order was paid.`,
    shopper: `Earned: ${fmt(c.amount)}.`,
  };
}
