import { addCalendarDays, localDate } from "~/domain/calendar";
import type { MarketRule, ReturnTerms } from "./terms";

// Whether one order line can come back, and how: the store's exceptions (marketplace orders,
// trial boxes and fitting pairs with their own flows, gift cards, samples, final sale, custom
// final sale), the delivery and the window, sale items, and what a worn pair allows.

export type ReturnOutcome = "refund" | "store_credit" | "exchange";
/** What becomes of a returned pair: money, an exchange, or the pair sent back to the shopper. */
export type Resolution = ReturnOutcome | "send_back";

export const CONDITIONS = ["unknown", "unworn", "worn", "protector_peeled", "damaged"] as const;
export type Condition = (typeof CONDITIONS)[number];

export function isWornOrDamaged(condition: Condition): boolean {
  return condition === "worn" || condition === "protector_peeled" || condition === "damaged";
}

/** Shopify's ReturnDeclineReason, and the app's own code for the merchant and the shopper. */
export type DeclineReason = "FINAL_SALE" | "RETURN_PERIOD_ENDED" | "OTHER";
export type DeclineCode =
  | "marketplace"
  | "trial_box"
  | "fitting_pair"
  | "gift_card"
  | "sample"
  | "custom_final_sale"
  | "final_sale"
  | "not_delivered"
  | "window_ended"
  | "worn"
  | "not_on_order"
  | "already_returned";

export interface Decline {
  reason: DeclineReason;
  code: DeclineCode;
  /** What the shopper reads (and Shopify's decline note: at most 500 characters). */
  note: string;
}

/** An order line as the returns policy reads it, snapshotted when the order was placed. */
export interface OrderLineFacts {
  lineItemGid: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  /** What was paid for the whole line after every discount, in minor units. */
  paidTotal: number;
  unitPrice: number;
  compareAtUnit: number | null;
  lineDiscounted: boolean;
  tags: readonly string[];
  productType: string | null;
  giftCard: boolean;
  purchaseOption: "trial" | "made_to_order" | "fitting_pair" | null;
  /** Made to order in two sizes for one pair. */
  customFinalSale: boolean;
  /** The carrier's delivery of the fulfillment that carried this line. */
  deliveredAt: Date | null;
}

export interface LineStanding {
  decline: Decline | null;
  sale: boolean;
  /** The last local day a return may be asked for (null until delivered). */
  lastDay: string | null;
  /** What an unworn pair may become. */
  offered: ReturnOutcome[];
}

const hasTag = (line: OrderLineFacts, tags: readonly string[]) => {
  const own = new Set(line.tags.map((t) => t.trim().toLowerCase()));
  return tags.some((t) => own.has(t.trim().toLowerCase()));
};

export function isSaleItem(line: OrderLineFacts, terms: ReturnTerms): boolean {
  return (
    (terms.saleWhen.includes("tagged") && hasTag(line, terms.saleTags)) ||
    (terms.saleWhen.includes("below_compare_at") &&
      line.compareAtUnit !== null &&
      line.compareAtUnit > line.unitPrice) ||
    (terms.saleWhen.includes("line_discount") && line.lineDiscounted)
  );
}

function exception(line: OrderLineFacts, terms: ReturnTerms): Decline | null {
  if (line.purchaseOption === "trial")
    return {
      reason: "OTHER",
      code: "trial_box",
      note: "Pairs from a trial box are returned from your trial's keep/return page, with the label in the box.",
    };
  if (line.purchaseOption === "fitting_pair")
    return {
      reason: "OTHER",
      code: "fitting_pair",
      note: "The fitting pair goes back with the label in its box once you have confirmed your fit.",
    };
  const type = line.productType?.trim().toLowerCase();
  if (
    line.giftCard ||
    (type && terms.nonReturnableProductTypes.some((t) => t.toLowerCase() === type))
  )
    return { reason: "FINAL_SALE", code: "gift_card", note: "Gift cards are final sale." };
  if (hasTag(line, terms.sampleTags))
    return {
      reason: "FINAL_SALE",
      code: "sample",
      note: "Sample shoes cannot be returned, exchanged or refunded.",
    };
  if (line.customFinalSale || hasTag(line, terms.customFinalSaleTags))
    return {
      reason: "FINAL_SALE",
      code: "custom_final_sale",
      note: "Custom pairs (two sizes for one pair) are final sale.",
    };
  if (hasTag(line, terms.finalSaleTags))
    return {
      reason: "FINAL_SALE",
      code: "final_sale",
      note: "Items marked final sale cannot be returned, exchanged or refunded.",
    };
  return null;
}

/** Where a line stands today for a return, before anyone has looked at the pair. */
export function lineStanding(line: OrderLineFacts, terms: ReturnTerms, now: Date): LineStanding {
  const sale = isSaleItem(line, terms);
  const lastDay = line.deliveredAt
    ? addCalendarDays(localDate(line.deliveredAt, terms.timeZone), terms.windowDays)
    : null;
  const offered: ReturnOutcome[] =
    sale && terms.saleItemsStoreCreditOnly
      ? ["store_credit"]
      : ["refund", "store_credit", "exchange"];
  const declined = (decline: Decline): LineStanding => ({ decline, sale, lastDay, offered: [] });
  const rule = exception(line, terms);
  if (rule) return declined(rule);
  if (!lastDay)
    return declined({
      reason: "OTHER",
      code: "not_delivered",
      note: "This pair has not been delivered yet: it can be returned once it arrives.",
    });
  if (localDate(now, terms.timeZone) > lastDay)
    return declined({
      reason: "RETURN_PERIOD_ENDED",
      code: "window_ended",
      note: `Returns are accepted within ${terms.windowDays} days of delivery; the last day for this pair was ${lastDay}.`,
    });
  return { decline: null, sale, lastDay, offered };
}

/**
 * What a pair may become once its condition is known. A worn, peeled or damaged pair follows the
 * market's rule: store credit less the restocking fee or the pair sent back (the shopper
 * chooses), only sent back, or refused.
 */
export function resolutionsFor(
  standing: LineStanding,
  condition: Condition,
  market: MarketRule,
): { offered: Resolution[]; decline: Decline | null } {
  if (standing.decline) return { offered: [], decline: standing.decline };
  if (!isWornOrDamaged(condition)) return { offered: standing.offered, decline: null };
  switch (market.wornOrDamagedOutcome) {
    case "store_credit_or_send_back":
      return { offered: ["store_credit", "send_back"], decline: null };
    case "send_back":
      return { offered: ["send_back"], decline: null };
    case "refuse":
      return {
        offered: [],
        decline: {
          reason: "OTHER",
          code: "worn",
          note: "The pair came back worn or damaged (or without its sole protector), so the return was refused and the pair is sent back to you.",
        },
      };
  }
}
