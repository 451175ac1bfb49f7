import { describe, expect, it } from "vitest";
import {
  buildRequest,
  defaultSelection,
  summary,
  whyNot,
  type Decision,
  type OrderLine,
  type PortalOrder,
} from "../src/returns";

// The customer-account return modal's rules, without a customer account: which lines are sent,
// what the shopper must still choose, and the amounts they read before submitting.

const line = (id: number, patch: Partial<OrderLine> = {}): OrderLine => ({
  lineItemGid: `gid://shopify/LineItem/${id}`,
  title: "Little Black Heels",
  variantTitle: "8 / Medium",
  quantity: 1,
  returnable: true,
  declineNote: null,
  offered: ["refund", "store_credit", "exchange"],
  lastDay: "2026-12-10",
  elsewhere: null,
  exchange: [],
  ...patch,
});
const order = (lines: OrderLine[]): PortalOrder => ({
  id: "o1",
  name: "#1001",
  currency: "USD",
  handlingFee: 1299,
  marketplace: null,
  lines,
});
const ORDER_GID = "gid://shopify/Order/1";
const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;

describe("return request", () => {
  it("sends only the ticked, returnable lines with their reason and outcome", () => {
    const a = line(1);
    const b = line(2, { returnable: false, declineNote: "Final sale." });
    const built = buildRequest("preview", ORDER_GID, order([a, b]), {
      [a.lineItemGid]: { ...defaultSelection(a), fitFeedback: "too_tight" },
      [b.lineItemGid]: defaultSelection(b),
    });
    expect(built).toEqual({
      ok: true,
      body: {
        intent: "preview",
        orderId: ORDER_GID,
        lines: [
          {
            lineItemGid: a.lineItemGid,
            quantity: 1,
            reason: "SIZE_TOO_SMALL",
            fitFeedback: "too_tight",
            outcome: "refund",
            exchangeVariantGid: null,
          },
        ],
      },
    });
  });

  it("asks for a line, an offered outcome and an exchange size", () => {
    const sale = line(1, { offered: ["store_credit"] });
    expect(buildRequest("preview", ORDER_GID, order([sale]), {})).toEqual({
      ok: false,
      message: "Choose at least one item.",
    });
    expect(defaultSelection(sale).outcome).toBe("store_credit");
    const refund = { ...defaultSelection(sale), outcome: "refund" as const };
    expect(
      buildRequest("submit", ORDER_GID, order([sale]), { [sale.lineItemGid]: refund }).ok,
    ).toBe(false);
    const a = line(2);
    const exchange = { ...defaultSelection(a), outcome: "exchange" as const };
    const missing = buildRequest("submit", ORDER_GID, order([a]), { [a.lineItemGid]: exchange });
    expect(missing).toEqual({
      ok: false,
      message: "Little Black Heels: choose the size to exchange for.",
    });
  });
});

describe("what the shopper reads", () => {
  const decision = (
    totals: Partial<Decision["totals"]>,
    shipping: Partial<Decision["shipping"]> = {},
  ): Decision => ({
    currency: "USD",
    totals: {
      value: 24500,
      refund: 0,
      storeCredit: 0,
      handlingFee: 0,
      restockingFee: 0,
      ...totals,
    },
    items: [{ title: "Little Black Heels", outcome: "refund", decline: null }],
    shipping: { prepaidLabel: true, trackingRequired: false, hsCode: null, ...shipping },
  });
  it("states the refund less the handling fee", () => {
    expect(summary(decision({ refund: 23201, handlingFee: 1299 }), money)).toEqual([
      "Refund to your original payment: $232.01",
      "Handling fee deducted: $12.99",
      "We email you a prepaid return label.",
    ]);
  });
  it("states store credit without a fee, and the HS code abroad", () => {
    const lines = summary(
      decision(
        { storeCredit: 24500 },
        { prepaidLabel: false, trackingRequired: true, hsCode: "9801.00.1012" },
      ),
      money,
    );
    expect(lines).toContain("No handling fee for store credit.");
    expect(lines.at(-1)).toContain("HS code 9801.00.1012");
  });
  it("sends trial and fitting pairs to their own pages", () => {
    expect(
      whyNot(line(1, { returnable: false, elsewhere: "trial", declineNote: "Trial pairs." })),
    ).toBe("Trial pairs. See your trial page.");
  });
});
