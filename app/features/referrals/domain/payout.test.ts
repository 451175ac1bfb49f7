import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { payoutForm, takeBackAmount } from "./payout";

describe("how an earned reward is paid", () => {
  it("in the form the policy promised when the referrer's account can take it", () => {
    expect(
      payoutForm({ configured: "store_credit", hasCustomer: true, storeCreditSpendable: true }),
    ).toEqual({ kind: "pay", form: "store_credit", why: "Paid as store credit." });
    for (const storeCreditSpendable of [true, false])
      expect(
        payoutForm({ configured: "discount_code", hasCustomer: true, storeCreditSpendable }),
      ).toEqual({ kind: "pay", form: "discount_code", why: "Paid as a single-use code." });
  });

  it("as a gift card of the same amount on classic customer accounts, naming the card", () => {
    expect(
      payoutForm({
        configured: "store_credit",
        hasCustomer: true,
        storeCreditSpendable: false,
        giftCardCode: "ABCD2345EFGH6789",
      }),
    ).toEqual({
      kind: "pay",
      form: "gift_card",
      why: "Paid as gift card ABCD2345EFGH6789 (classic customer accounts cannot spend store credit).",
    });
  });

  it("not at all without a customer record, whatever was configured: the merchant is told", () => {
    for (const configured of ["store_credit", "discount_code"] as const)
      for (const storeCreditSpendable of [true, false]) {
        const choice = payoutForm({ configured, hasCustomer: false, storeCreditSpendable });
        expect(choice.kind).toBe("cannot_pay");
        expect(choice.why).toMatch(/pay it by hand/);
      }
  });
});

describe("how much of a paid store credit the claw-back takes", () => {
  it("all of it when unspent, what is left when partly spent, nothing when spent", () => {
    expect(takeBackAmount(2000, 2500, "USD")).toEqual({
      amount: 2000,
      why: "$20 taken back from the referrer's store credit.",
    });
    expect(takeBackAmount(2000, 1500, "USD")).toEqual({
      amount: 1500,
      why: "$15 taken back: the referrer had spent $5 of the $20.",
    });
    expect(takeBackAmount(2000, 0, "USD")).toEqual({
      amount: 0,
      why: "Nothing taken back: the referrer had already spent the $20.",
    });
  });

  it("refuses amounts that are not minor units", () => {
    expect(() => takeBackAmount(20.5, 100, "USD")).toThrow(/minor units/);
  });

  it("property: never more than was paid, never more than is left, never negative", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: -1000, max: 1_000_000 }), (paid, left) => {
        const { amount } = takeBackAmount(paid, left, "EUR");
        // Oracle from the setting's words: "debit the unspent store credit" of this reward.
        const expected = left <= 0 ? 0 : left < paid ? left : paid;
        expect(amount).toBe(expected);
      }),
    );
  });
});
