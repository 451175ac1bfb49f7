import { formatMoney, money } from "~/domain/money";

// How an earned reward reaches the referrer, and how much of a paid one comes back. Both are
// decided once, before Shopify is asked, and written on the money row with their sentence: a
// retry pays the way the first attempt chose and takes back what the first attempt measured.

export type PayoutForm = "store_credit" | "discount_code" | "gift_card";

export interface PayoutInput {
  /** What the policy version in force promised (kept on the case). */
  configured: "store_credit" | "discount_code";
  /** The referrer has a customer record on Shopify to credit or to tie a code to. */
  hasCustomer: boolean;
  /**
   * Store credit can be spent at checkout only with new customer accounts; on classic accounts
   * the same amount goes out as a gift card, which the referrer can spend anywhere.
   */
  storeCreditSpendable: boolean;
  /** The gift card's code when it is the fallback, so the merchant can find it. */
  giftCardCode?: string;
}

export type PayoutChoice =
  { kind: "pay"; form: PayoutForm; why: string } | { kind: "cannot_pay"; why: string };

const FORM_WORDS: Record<PayoutForm, string> = {
  store_credit: "store credit",
  discount_code: "a single-use code",
  gift_card: "gift card",
};

export function payoutForm(input: PayoutInput): PayoutChoice {
  // Credit, a code limited to one customer and a gift card sent to them all need the customer:
  // without one the reward would go to nobody, so the merchant is told instead.
  if (!input.hasCustomer)
    return {
      kind: "cannot_pay",
      why: "The referrer has no customer record on the store, so the reward cannot be paid automatically; pay it by hand.",
    };
  if (input.configured === "store_credit" && !input.storeCreditSpendable)
    return {
      kind: "pay",
      form: "gift_card",
      why: `Paid as gift card${input.giftCardCode ? ` ${input.giftCardCode}` : ""} (classic customer accounts cannot spend store credit).`,
    };
  return { kind: "pay", form: input.configured, why: `Paid as ${FORM_WORDS[input.configured]}.` };
}

export interface TakeBack {
  /** Minor units to debit; 0 means nothing is taken back. */
  amount: number;
  /** The sentence the merchant reads, after the decision's own rule. */
  why: string;
}

/** The claw-back "debit the unspent store credit": never more than was paid or than is left. */
export function takeBackAmount(paid: number, unspent: number, currency: string): TakeBack {
  if (!Number.isInteger(paid) || !Number.isInteger(unspent))
    throw new Error(`takeBackAmount: amounts are minor units (got ${paid}, ${unspent})`);
  const fmt = (n: number) => formatMoney(money(n, currency));
  const amount = Math.max(0, Math.min(paid, unspent));
  if (amount === 0)
    return {
      amount,
      why: `Nothing taken back: the referrer had already spent the ${fmt(paid)}.`,
    };
  if (amount === paid)
    return { amount, why: `${fmt(amount)} taken back from the referrer's store credit.` };
  return {
    amount,
    why: `${fmt(amount)} taken back: the referrer had spent ${fmt(paid - amount)} of the ${fmt(paid)}.`,
  };
}
