import { formatMoney, percentOf } from "~/domain/money";
import {
  isWornOrDamaged,
  lineStanding,
  resolutionsFor,
  type Condition,
  type Decline,
  type OrderLineFacts,
  type Resolution,
} from "./eligibility";
import { marketFor, marketplaceOf, type ReturnTerms } from "./terms";

// The one decision a return gets: for each pair asked about, whether it can come back and as
// what, every fee, the refund, credit or exchange, who pays the shipping back, whether the
// exchange's shipment out is covered, and the sentences the shopper and the merchant read. Pure:
// the same facts give the same decision, before the return is created (the portal's preview), at
// its creation (the fees Shopify is told), and after inspection (the amounts processed).

export interface ItemRequest {
  lineItemGid: string;
  quantity: number;
  /** What the shopper asked for (or, after inspection of a worn pair, chose). */
  outcome: Resolution;
  condition: Condition;
  /** The shopper's reason: Shopify's return reasons; some send the case to the merchant. */
  reason?: string | null;
  exchange?: { variantGid: string; title: string } | null;
}

export interface ReturnContext {
  terms: ReturnTerms;
  sourceName: string | null;
  shippingCountry: string | null;
  lines: readonly OrderLineFacts[];
  /** Units of each line already in other returns that were not declined or cancelled. */
  alreadyReturned: Readonly<Record<string, number>>;
  /** Exchange shipments out already covered on this order. */
  outboundExchangesUsed: number;
  now: Date;
}

export interface ItemDecision {
  lineItemGid: string;
  title: string;
  quantity: number;
  /** What these units cost the shopper. */
  value: number;
  decline: Decline | null;
  condition: Condition;
  offered: Resolution[];
  /** The resolution applied; null while the shopper still has to choose (a worn pair). */
  outcome: Resolution | null;
  refund: number;
  storeCredit: number;
  exchangeValue: number;
  handlingFee: number;
  restockingFee: number;
  restockingFeePercent: number;
  exchange: { variantGid: string; title: string } | null;
  lastDay: string | null;
  /** The sentence the shopper reads, and the rule the merchant reads. */
  shopper: string;
  rule: string;
}

export interface ReturnDecision {
  policyVersion: number;
  currency: string;
  market: string;
  marketplace: { label: string; instructions: string } | null;
  items: ItemDecision[];
  shipping: {
    paidBy: "merchant" | "shopper";
    prepaidLabel: boolean;
    trackingRequired: boolean;
    hsCode: string | null;
  };
  /** When an exchange is asked: whether the shipment of the new pair is on the store. */
  outboundExchange: { covered: boolean; sentence: string } | null;
  totals: {
    value: number;
    refund: number;
    storeCredit: number;
    exchange: number;
    handlingFee: number;
    restockingFee: number;
  };
  /** Why the merchant must look before anything is approved (empty: the rules decided). */
  review: string[];
  /** Every pair asked about is declined. */
  allDeclined: boolean;
}

/** Shopify return reasons that say the store, not the shopper, got it wrong. */
const STORE_FAULT_REASONS = new Set(["DEFECTIVE", "WRONG_ITEM", "NOT_AS_DESCRIBED"]);

/** The value of `units` more units of a line, given `before` already returned: exact in cents. */
export function unitsValue(line: OrderLineFacts, before: number, units: number): number {
  const upTo = (n: number) =>
    Math.floor((line.paidTotal * n + Math.floor(line.quantity / 2)) / line.quantity);
  return upTo(before + units) - upTo(before);
}

export function decideReturn(ctx: ReturnContext, requests: readonly ItemRequest[]): ReturnDecision {
  const { terms } = ctx;
  const money = (amount: number) => formatMoney({ amount, currency: terms.currency });
  const market = marketFor(terms, ctx.shippingCountry);
  const marketplace = marketplaceOf(terms, ctx.sourceName);
  const v = `returns policy v${terms.policyVersion}`;
  const asked = new Map<string, number>();

  const items: ItemDecision[] = requests.map((req) => {
    const line = ctx.lines.find((l) => l.lineItemGid === req.lineItemGid);
    const base = {
      lineItemGid: req.lineItemGid,
      title: line
        ? `${line.title}${line.variantTitle ? ` — ${line.variantTitle}` : ""}`
        : "Unknown item",
      quantity: req.quantity,
      condition: req.condition,
      refund: 0,
      storeCredit: 0,
      exchangeValue: 0,
      handlingFee: 0,
      restockingFee: 0,
      restockingFeePercent: 0,
      exchange: null,
    };
    const declined = (
      decline: Decline,
      value = 0,
      lastDay: string | null = null,
    ): ItemDecision => ({
      ...base,
      value,
      decline,
      offered: [],
      outcome: null,
      lastDay,
      shopper: decline.note,
      rule: `declined (${decline.reason}, ${decline.code}) by the ${v}`,
    });
    if (!line)
      return declined({
        reason: "OTHER",
        code: "not_on_order",
        note: "This item is not on the order.",
      });
    const before =
      (ctx.alreadyReturned[line.lineItemGid] ?? 0) + (asked.get(line.lineItemGid) ?? 0);
    asked.set(line.lineItemGid, (asked.get(line.lineItemGid) ?? 0) + req.quantity);
    if (req.quantity < 1 || before + req.quantity > line.quantity)
      return declined({
        reason: "OTHER",
        code: "already_returned",
        note: `Only ${Math.max(0, line.quantity - before)} of this item can still be returned.`,
      });
    const value = unitsValue(line, before, req.quantity);
    if (marketplace)
      return declined(
        {
          reason: "OTHER",
          code: "marketplace",
          note: `${marketplace.label} orders are returned to ${marketplace.label}. ${marketplace.instructions}`,
        },
        value,
      );
    const standing = lineStanding(line, terms, ctx.now);
    const { offered, decline } = resolutionsFor(standing, req.condition, market);
    if (decline) return declined(decline, value, standing.lastDay);
    const worn = isWornOrDamaged(req.condition);
    // A single choice is the choice; otherwise the shopper's must be one of those offered.
    const outcome: Resolution | null = offered.includes(req.outcome)
      ? req.outcome
      : offered.length === 1
        ? (offered[0] as Resolution)
        : null;
    const item: ItemDecision = {
      ...base,
      value,
      decline: null,
      offered,
      outcome,
      lastDay: standing.lastDay,
      shopper: "",
      rule: "",
    };
    const saleNote =
      standing.sale && terms.saleItemsStoreCreditOnly ? "sale item: store credit only; " : "";
    switch (outcome) {
      case null:
        item.shopper = `The pair came back ${conditionWords(req.condition)}: choose store credit less a ${market.restockingFeePercent}% restocking fee, or the pair sent back to you.`;
        item.rule = `${conditionWords(req.condition)} in ${market.name}: the shopper chooses credit less ${market.restockingFeePercent}% or send back (${v})`;
        break;
      case "send_back":
        item.shopper = `We send the pair back to you; nothing is refunded.`;
        item.rule = `${conditionWords(req.condition)}: sent back to the shopper (${v})`;
        break;
      case "exchange":
        item.exchangeValue = value;
        item.exchange = req.exchange ?? null;
        item.shopper = `Exchanged for ${req.exchange?.title ?? "another size"}, at no cost.`;
        item.rule = `${saleNote}exchange, no fee (${v})`;
        break;
      case "store_credit": {
        const percent = worn ? market.restockingFeePercent : 0;
        item.restockingFeePercent = percent;
        item.restockingFee = percentOf({ amount: value, currency: terms.currency }, percent).amount;
        item.storeCredit = value - item.restockingFee;
        item.shopper = worn
          ? `${money(item.storeCredit)} in store credit: ${money(value)} less a ${percent}% restocking fee (${money(item.restockingFee)}), as the pair came back ${conditionWords(req.condition)}.`
          : `${money(item.storeCredit)} in store credit, no handling fee.`;
        item.rule = worn
          ? `${conditionWords(req.condition)} in ${market.name}: store credit less the ${percent}% restocking fee (${v})`
          : `${saleNote}store credit in full: the handling fee is waived for store credit (${v})`;
        break;
      }
      case "refund":
        item.refund = value; // the handling fee is taken below, once for the whole return
        item.rule = `refund less the handling fee of ${money(terms.handlingFee)}, once per return (${v})`;
        break;
    }
    return item;
  });

  chargeHandlingFee(items, terms, money);

  const exchanges = items.filter((i) => i.outcome === "exchange");
  const covered =
    market.freeExchanges || ctx.outboundExchangesUsed < market.coveredOutboundExchangeShipments;
  const kept = items.filter((i) => !i.decline && i.outcome && i.outcome !== "send_back");
  const sum = (pick: (i: ItemDecision) => number) => kept.reduce((s, i) => s + pick(i), 0);
  const review = [
    ...requests
      .filter((r) => r.reason && STORE_FAULT_REASONS.has(r.reason))
      .map((r) => `reason ${r.reason}: the store may owe a full refund`),
    ...items
      .filter((i) => !i.decline && i.outcome === null)
      .map((i) => `${i.title}: the shopper has to choose`),
    ...(items.some((i) => i.decline) && items.some((i) => !i.decline)
      ? ["some pairs can come back, some cannot"]
      : []),
  ];
  return {
    policyVersion: terms.policyVersion,
    currency: terms.currency,
    market: market.name,
    marketplace: marketplace && {
      label: marketplace.label,
      instructions: marketplace.instructions,
    },
    items,
    shipping: market.customerPaysReturnShipping
      ? {
          paidBy: "shopper",
          prepaidLabel: false,
          trackingRequired: market.trackingRequired,
          hsCode: terms.hsCode || null,
        }
      : { paidBy: "merchant", prepaidLabel: true, trackingRequired: false, hsCode: null },
    outboundExchange:
      exchanges.length === 0
        ? null
        : {
            covered,
            sentence: covered
              ? market.freeExchanges
                ? "The new pair ships to you free."
                : "We cover the shipping of the new pair (one exchange shipment per order)."
              : "This order's covered exchange shipment was used: shipping the new pair is charged.",
          },
    totals: {
      value: sum((i) => i.value),
      refund: sum((i) => i.refund),
      storeCredit: sum((i) => i.storeCredit),
      exchange: sum((i) => i.exchangeValue),
      handlingFee: sum((i) => i.handlingFee),
      restockingFee: sum((i) => i.restockingFee),
    },
    review,
    allDeclined: items.length > 0 && items.every((i) => i.decline !== null),
  };
}

/**
 * One handling fee per return, taken from what is paid out (never more than that comes to),
 * largest first: from refunds, and from store credit unless the policy waives it there.
 */
function chargeHandlingFee(
  items: ItemDecision[],
  terms: ReturnTerms,
  money: (amount: number) => string,
) {
  const bearsFee = (i: ItemDecision) =>
    i.outcome === "refund" ||
    (i.outcome === "store_credit" &&
      i.restockingFee === 0 &&
      !terms.handlingFeeWaivedFor.includes("store_credit"));
  const payout = (i: ItemDecision) => (i.outcome === "refund" ? i.refund : i.storeCredit);
  const pool = items.filter(bearsFee).sort((a, b) => payout(b) - payout(a));
  let feeLeft = Math.min(
    terms.handlingFee,
    pool.reduce((s, i) => s + payout(i), 0),
  );
  for (const item of pool) {
    const fee = Math.min(feeLeft, payout(item));
    feeLeft -= fee;
    item.handlingFee = fee;
    if (item.outcome === "refund") item.refund -= fee;
    else item.storeCredit -= fee;
    const net = money(payout(item));
    const less = fee ? ` (${money(item.value)} less the ${money(fee)} handling fee)` : "";
    item.shopper =
      item.outcome === "refund"
        ? `Refund of ${net} to your original payment method${less}.${fee && terms.handlingFeeWaivedFor.includes("store_credit") ? " Choose store credit to keep the full amount." : ""}`
        : `${net} in store credit${less}.`;
    if (item.outcome === "store_credit")
      item.rule = `store credit less the handling fee of ${money(terms.handlingFee)}, once per return (returns policy v${terms.policyVersion})`;
  }
}

function conditionWords(condition: Condition): string {
  return {
    unknown: "uninspected",
    unworn: "unworn",
    worn: "worn",
    protector_peeled: "without its sole protector",
    damaged: "damaged",
  }[condition];
}
