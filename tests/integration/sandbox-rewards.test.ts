import { describe, expect, it } from "vitest";
import { memorySandbox } from "../support/sandbox-memory";

// Discount codes and store credit in the sandbox: created through the Admin API as the app will
// (referrals, returns), used at checkout and by refunds, each on the ledger.

const SHOP = "rewards-demo.myshopify.com";

const setup = () => memorySandbox(SHOP);

const CREATE_CODE = `mutation C($d: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $d) { codeDiscountNode { id } userErrors { field message code } } }`;
const CREDIT = `mutation S($id: ID!, $c: StoreCreditAccountCreditInput!) { storeCreditAccountCredit(id: $id, creditInput: $c) { storeCreditAccountTransaction { amount { amount } balanceAfterTransaction { amount } } userErrors { field message code } } }`;

describe("sandbox discount codes and store credit", () => {
  it("creates a single-use code for one customer and applies it once at checkout", async () => {
    const { shop, lifecycle, run, store } = setup();
    const maya = shop.customers.find((c) => c.email === "maya@example.com")!;
    const created = await run(CREATE_CODE, {
      d: {
        title: "Referral: $20 off",
        code: "FRIEND-MAYA",
        usageLimit: 1,
        appliesOncePerCustomer: true,
        context: { customers: { add: [maya.id] } },
        customerGets: {
          value: { discountAmount: { amount: "20.00", appliesOnEachItem: false } },
          items: { all: true },
        },
      },
    });
    expect(created.discountCodeBasicCreate!.userErrors).toEqual([]);
    const again = await run(CREATE_CODE, {
      d: { code: "friend-maya", customerGets: { value: { percentage: 0.1 } } },
    });
    expect(again.discountCodeBasicCreate!.userErrors[0]).toMatchObject({ code: "TAKEN" });
    expect(() =>
      lifecycle.placeOrder(SHOP, {
        customerEmail: "olivia@example.com",
        discountCode: "FRIEND-MAYA",
        lines: [{ handle: "forever-flat", size: "7" }],
      }),
    ).toThrow("not available to this customer");
    const order = lifecycle.placeOrder(SHOP, {
      customerEmail: maya.email,
      discountCode: "friend-maya",
      lines: [{ handle: "forever-flat", size: "7" }],
    });
    expect(order.discountMinor).toBe(2000);
    expect(order.transactions[0]).toMatchObject({ kind: "SALE", amount: 17500 });
    expect(() =>
      lifecycle.placeOrder(SHOP, {
        customerEmail: maya.email,
        discountCode: "FRIEND-MAYA",
        lines: [{ handle: "forever-flat", size: "7" }],
      }),
    ).toThrow("usage limit");
    expect(store.ledger.map((e) => e.kind)).toEqual(["discount_code"]);
  });

  it("credits a customer's store credit through the API and by refund, with the balance", async () => {
    const { shop, lifecycle, run, store } = setup();
    const olivia = shop.customers.find((c) => c.email === "olivia@example.com")!;
    const credited = await run(CREDIT, {
      id: olivia.id,
      c: { creditAmount: { amount: "25.00", currencyCode: "USD" } },
    });
    expect(credited.storeCreditAccountCredit!.storeCreditAccountTransaction).toEqual({
      amount: { amount: "25.00" },
      balanceAfterTransaction: { amount: "25.00" },
    });
    const wrong = await run(CREDIT, {
      id: olivia.id,
      c: { creditAmount: { amount: "5.00", currencyCode: "CAD" } },
    });
    expect(wrong.storeCreditAccountCredit!.userErrors[0]).toMatchObject({
      code: "MISMATCHING_CURRENCY",
    });
    const order = lifecycle.placeOrder(SHOP, {
      customerEmail: olivia.email,
      lines: [{ handle: "pop-of-color", size: "8" }],
    });
    lifecycle.refund(SHOP, order.id, undefined, undefined, "store_credit");
    expect(shop.storeCredit.get(olivia.id)).toBe(2500 + 24500);
    expect(store.ledger.map((e) => `${e.kind} ${e.amount?.amount}`)).toEqual([
      "store_credit 25.00",
      "refund 0.00",
      "store_credit 245.00",
    ]);
    expect(order.financialStatus).not.toBe("refunded"); // no money went back to the card
  });
});
