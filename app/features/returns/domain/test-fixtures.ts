import { defaultPolicy } from "~/domain/policy/defaults";
import type { ItemRequest, ReturnContext } from "./decide";
import type { OrderLineFacts } from "./eligibility";
import { returnTerms, type ReturnTerms } from "./terms";

// The reference store's return rules (its defaults, as policy v3) and its lines, for the tests.

export const TERMS: ReturnTerms = returnTerms(defaultPolicy("USD"), 3);

/** Delivered on 2026-12-01 at 15:00 New York time. */
export const DELIVERED = new Date("2026-12-01T20:00:00Z");

/** Noon in New York `days` days after the delivery day. */
export const dayAfterDelivery = (days: number) => new Date(Date.UTC(2026, 11, 1 + days, 17, 0, 0));

export function line(over: Partial<OrderLineFacts> = {}): OrderLineFacts {
  return {
    lineItemGid: "gid://shopify/LineItem/1",
    title: "Little Black Heels",
    variantTitle: "8 / Medium",
    quantity: 1,
    paidTotal: 24500,
    unitPrice: 24500,
    compareAtUnit: null,
    lineDiscounted: false,
    tags: ["classic-pump"],
    productType: "Shoes",
    giftCard: false,
    purchaseOption: null,
    customFinalSale: false,
    deliveredAt: DELIVERED,
    ...over,
  };
}

export function context(over: Partial<ReturnContext> = {}): ReturnContext {
  return {
    terms: TERMS,
    sourceName: "web",
    shippingCountry: "US",
    lines: [line()],
    alreadyReturned: {},
    outboundExchangesUsed: 0,
    now: dayAfterDelivery(3),
    ...over,
  };
}

export function ask(over: Partial<ItemRequest> = {}): ItemRequest {
  return {
    lineItemGid: "gid://shopify/LineItem/1",
    quantity: 1,
    outcome: "refund",
    condition: "unknown",
    ...over,
  };
}
