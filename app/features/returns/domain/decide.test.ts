import { describe, expect, it } from "vitest";
import { decideReturn, unitsValue } from "./decide";
import { TERMS, ask, context, dayAfterDelivery, line } from "./test-fixtures";

// The reference store's returns page and FAQ, rule by rule (../shared/store-policies).

describe("the 14-day window, from the delivery of that line, in the shop's time zone", () => {
  it("accepts a return on day 14 and declines it on day 15", () => {
    const day14 = decideReturn(context({ now: dayAfterDelivery(14) }), [ask()]);
    expect(day14.items[0]?.decline).toBeNull();
    expect(day14.items[0]?.lastDay).toBe("2026-12-15");
    const day15 = decideReturn(context({ now: dayAfterDelivery(15) }), [ask()]);
    expect(day15.items[0]?.decline).toMatchObject({
      reason: "RETURN_PERIOD_ENDED",
      code: "window_ended",
    });
    expect(day15.items[0]?.shopper).toContain("the last day for this pair was 2026-12-15");
  });

  it("counts the day of delivery in the shop's zone, not UTC", () => {
    // 02:00 UTC on Dec 2 is still Dec 1 in New York: the last day is Dec 15.
    const late = line({ deliveredAt: new Date("2026-12-02T02:00:00Z") });
    const decision = decideReturn(
      context({ lines: [late], now: new Date("2026-12-16T04:30:00Z") }),
      [ask()],
    );
    expect(decision.items[0]?.lastDay).toBe("2026-12-15");
    expect(decision.items[0]?.decline).toBeNull(); // 23:30 on Dec 15 in New York
  });

  it("cannot return a pair not delivered yet", () => {
    const decision = decideReturn(context({ lines: [line({ deliveredAt: null })] }), [ask()]);
    expect(decision.items[0]?.decline).toMatchObject({ reason: "OTHER", code: "not_delivered" });
    expect(decision.allDeclined).toBe(true);
  });
});

describe("unworn full-price pairs (in stock and made to order)", () => {
  it("refund less the $12.99 handling fee", () => {
    const decision = decideReturn(context(), [ask({ outcome: "refund" })]);
    const [item] = decision.items;
    expect(item).toMatchObject({ refund: 24500 - 1299, handlingFee: 1299, storeCredit: 0 });
    expect(item?.offered).toEqual(["refund", "store_credit", "exchange"]);
    expect(item?.shopper).toBe(
      "Refund of $232.01 to your original payment method ($245 less the $12.99 handling fee). Choose store credit to keep the full amount.",
    );
    expect(item?.rule).toContain("returns policy v3");
  });

  it("store credit in full, no handling fee", () => {
    const [item] = decideReturn(context(), [ask({ outcome: "store_credit" })]).items;
    expect(item).toMatchObject({ storeCredit: 24500, handlingFee: 0, refund: 0 });
    expect(item?.shopper).toBe("$245 in store credit, no handling fee.");
  });

  it("a free exchange in the US: prepaid label, the new pair ships free", () => {
    const decision = decideReturn(context(), [
      ask({
        outcome: "exchange",
        exchange: { variantGid: "gid://shopify/ProductVariant/9", title: "8.5 / Medium" },
      }),
    ]);
    expect(decision.items[0]).toMatchObject({ exchangeValue: 24500, handlingFee: 0, refund: 0 });
    expect(decision.shipping).toEqual({
      paidBy: "merchant",
      prepaidLabel: true,
      trackingRequired: false,
      hsCode: null,
    });
    expect(decision.outboundExchange).toMatchObject({ covered: true });
  });

  it("made-to-order pairs follow the same rules", () => {
    const mto = line({ purchaseOption: "made_to_order" });
    const [item] = decideReturn(context({ lines: [mto] }), [ask()]).items;
    expect(item?.decline).toBeNull();
    expect(item?.refund).toBe(23201);
  });

  it("charges the handling fee once per return, from the largest refund", () => {
    const two = [
      line({ lineItemGid: "a", paidTotal: 24500 }),
      line({ lineItemGid: "b", paidTotal: 19500, title: "Five Shades of Nude" }),
    ];
    const decision = decideReturn(context({ lines: two }), [
      ask({ lineItemGid: "a" }),
      ask({ lineItemGid: "b" }),
    ]);
    expect(decision.items.map((i) => i.handlingFee)).toEqual([1299, 0]);
    expect(decision.totals).toMatchObject({ refund: 44000 - 1299, handlingFee: 1299 });
  });

  it("never takes a fee larger than the refund", () => {
    const cheap = line({ paidTotal: 900, unitPrice: 900 });
    const [item] = decideReturn(context({ lines: [cheap] }), [ask()]).items;
    expect(item).toMatchObject({ refund: 0, handlingFee: 900 });
  });

  it("refunds what was paid, after discounts, never the list price", () => {
    const discounted = line({ paidTotal: 22050, unitPrice: 24500 });
    expect(decideReturn(context({ lines: [discounted] }), [ask()]).items[0]?.refund).toBe(
      22050 - 1299,
    );
  });
});

describe("sale items", () => {
  it("store credit only when tagged sale or sold below compare-at", () => {
    for (const sale of [line({ tags: ["sale"] }), line({ compareAtUnit: 29500 })]) {
      const [item] = decideReturn(context({ lines: [sale] }), [ask({ outcome: "refund" })]).items;
      expect(item?.offered).toEqual(["store_credit"]);
      expect(item).toMatchObject({ outcome: "store_credit", storeCredit: 24500, refund: 0 });
      expect(item?.rule).toContain("sale item: store credit only");
    }
  });

  it("a line discount makes a sale item only when the merchant says so", () => {
    const discounted = line({ lineDiscounted: true, paidTotal: 20000 });
    expect(decideReturn(context({ lines: [discounted] }), [ask()]).items[0]?.outcome).toBe(
      "refund",
    );
    const strict = { ...TERMS, saleWhen: ["line_discount" as const] };
    expect(
      decideReturn(context({ terms: strict, lines: [discounted] }), [ask()]).items[0]?.outcome,
    ).toBe("store_credit");
  });

  it("refundable as usual when the policy does not restrict sale items", () => {
    const lenient = { ...TERMS, saleItemsStoreCreditOnly: false };
    const [item] = decideReturn(context({ terms: lenient, lines: [line({ tags: ["sale"] })] }), [
      ask(),
    ]).items;
    expect(item?.outcome).toBe("refund");
  });
});

describe("not returnable, not exchangeable", () => {
  it.each([
    ["final sale", line({ tags: ["sale", "final-sale"] }), "FINAL_SALE", "final_sale"],
    ["a sample", line({ tags: ["sample"] }), "FINAL_SALE", "sample"],
    ["a gift card", line({ giftCard: true, productType: "Gift Card" }), "FINAL_SALE", "gift_card"],
    ["custom final sale", line({ customFinalSale: true }), "FINAL_SALE", "custom_final_sale"],
    ["a trial box pair", line({ purchaseOption: "trial" }), "OTHER", "trial_box"],
    ["a fitting pair", line({ purchaseOption: "fitting_pair" }), "OTHER", "fitting_pair"],
  ] as const)("%s", (_label, facts, reason, code) => {
    for (const outcome of ["refund", "store_credit", "exchange"] as const) {
      const [item] = decideReturn(context({ lines: [facts] }), [ask({ outcome })]).items;
      expect(item?.decline).toMatchObject({ reason, code });
      expect(item?.offered).toEqual([]);
      expect((item?.refund ?? 0) + (item?.storeCredit ?? 0) + (item?.exchangeValue ?? 0)).toBe(0);
    }
  });

  it("final sale wins over the window: the shopper is told the real reason", () => {
    const [item] = decideReturn(
      context({ lines: [line({ tags: ["final-sale"] })], now: dayAfterDelivery(30) }),
      [ask()],
    ).items;
    expect(item?.decline?.code).toBe("final_sale");
  });
});

describe("worn, peeled or damaged pairs found at inspection", () => {
  it("US: the shopper chooses store credit less 30% or the pair sent back", () => {
    const inspected = decideReturn(context(), [ask({ condition: "worn", outcome: "refund" })]);
    const [item] = inspected.items;
    expect(item?.offered).toEqual(["store_credit", "send_back"]);
    expect(item?.outcome).toBeNull();
    expect(inspected.review).toEqual([expect.stringContaining("the shopper has to choose")]);
    const credit = decideReturn(context(), [
      ask({ condition: "protector_peeled", outcome: "store_credit" }),
    ]);
    expect(credit.items[0]).toMatchObject({
      storeCredit: 24500 - 7350,
      restockingFee: 7350,
      restockingFeePercent: 30,
      handlingFee: 0,
    });
    expect(credit.items[0]?.shopper).toContain("less a 30% restocking fee ($73.50)");
    const back = decideReturn(context(), [ask({ condition: "damaged", outcome: "send_back" })]);
    expect(back.items[0]).toMatchObject({ outcome: "send_back", refund: 0, storeCredit: 0 });
    expect(back.totals.value).toBe(0);
  });

  it("international: refused and sent back", () => {
    const [item] = decideReturn(context({ shippingCountry: "CA" }), [
      ask({ condition: "worn", outcome: "store_credit" }),
    ]).items;
    expect(item?.decline).toMatchObject({ reason: "OTHER", code: "worn" });
  });
});

describe("international returns", () => {
  it("the shopper ships back with tracking and the HS code; refund less the fee once received", () => {
    const decision = decideReturn(context({ shippingCountry: "GB" }), [ask()]);
    expect(decision.market).toBe("International");
    expect(decision.shipping).toEqual({
      paidBy: "shopper",
      prepaidLabel: false,
      trackingRequired: true,
      hsCode: "9801.00.1012",
    });
    expect(decision.items[0]).toMatchObject({ refund: 23201, handlingFee: 1299 });
  });

  it("covers one outbound exchange shipment per order, not a second", () => {
    const first = decideReturn(context({ shippingCountry: "CA" }), [ask({ outcome: "exchange" })]);
    expect(first.outboundExchange?.covered).toBe(true);
    const second = decideReturn(context({ shippingCountry: "CA", outboundExchangesUsed: 1 }), [
      ask({ outcome: "exchange" }),
    ]);
    expect(second.outboundExchange).toMatchObject({ covered: false });
    expect(second.outboundExchange?.sentence).toContain("charged");
  });
});

describe("marketplace orders", () => {
  it("are sent to their channel with its instructions", () => {
    const decision = decideReturn(context({ sourceName: "Nordstrom" }), [ask()]);
    expect(decision.marketplace).toMatchObject({ label: "Nordstrom" });
    expect(decision.items[0]?.decline).toMatchObject({ code: "marketplace" });
    expect(decision.items[0]?.shopper).toContain("1-888-282-6060");
  });
});

describe("quantities and amounts", () => {
  it("never returns more units than were bought, counting earlier returns", () => {
    const pair = line({ quantity: 2, paidTotal: 49000 });
    const decision = decideReturn(
      context({ lines: [pair], alreadyReturned: { [pair.lineItemGid]: 1 } }),
      [ask({ quantity: 2 })],
    );
    expect(decision.items[0]?.decline).toMatchObject({ code: "already_returned" });
    expect(decision.items[0]?.shopper).toBe("Only 1 of this item can still be returned.");
  });

  it("splits a line's price over its units to the cent, however it is returned", () => {
    const odd = line({ quantity: 3, paidTotal: 10000 });
    expect([unitsValue(odd, 0, 1), unitsValue(odd, 1, 1), unitsValue(odd, 2, 1)]).toEqual([
      3333, 3334, 3333,
    ]);
    expect(unitsValue(odd, 0, 3)).toBe(10000);
  });

  it("sends a store-fault reason to the merchant", () => {
    const decision = decideReturn(context(), [ask({ reason: "DEFECTIVE" })]);
    expect(decision.review[0]).toContain("DEFECTIVE");
  });
});
