import { describe, expect, it } from "vitest";
import {
  friendDiscount,
  friendNewness,
  mayRefer,
  referrerRewardAmount,
  standingFrom,
  withShopifyHistory,
} from "./eligibility";
import { TERMS } from "./test-fixtures";

const order = (over: { fullyReturned?: boolean; cancelled?: boolean } = {}) => ({
  orderGid: "gid://shopify/Order/1",
  fullyReturned: false,
  cancelled: false,
  ...over,
});

describe("who may refer", () => {
  it("any customer with a paid order that was kept", () => {
    expect(mayRefer({ paidOrders: [order()], ambassador: null }, TERMS)).toMatchObject({
      allowed: true,
      as: "customer",
    });
    expect(
      mayRefer({ paidOrders: [order({ fullyReturned: true }), order()], ambassador: null }, TERMS),
    ).toMatchObject({ allowed: true, sentence: "Customer with 1 paid order kept." });
  });

  it("not a customer whose only orders came back or were cancelled, nor one with none", () => {
    for (const paidOrders of [[], [order({ fullyReturned: true })], [order({ cancelled: true })]])
      expect(mayRefer({ paidOrders, ambassador: null }, TERMS)).toMatchObject({
        allowed: false,
        reason: "no_kept_order",
      });
  });

  it("an approved ambassador without any order, while the program has ambassadors", () => {
    expect(mayRefer({ paidOrders: [], ambassador: "approved" }, TERMS)).toMatchObject({
      allowed: true,
      as: "ambassador",
    });
    for (const ambassador of ["applied", "declined"] as const)
      expect(mayRefer({ paidOrders: [], ambassador }, TERMS).allowed).toBe(false);
    const noAmbassadors = { ...TERMS, ambassadorsEnabled: false };
    expect(mayRefer({ paidOrders: [], ambassador: "approved" }, noAmbassadors).allowed).toBe(false);
  });

  it("nobody while the program is paused", () => {
    expect(
      mayRefer({ paidOrders: [order()], ambassador: "approved" }, { ...TERMS, enabled: false }),
    ).toMatchObject({ allowed: false, reason: "program_off" });
  });
});

describe("who is a new friend", () => {
  const friend = {
    customerGid: "gid://shopify/Customer/9",
    emailKey: "janedoe@gmail.com",
    addressKey: "US|11201|12 main st",
  };
  const earlier = (over: object) => ({
    orderGid: "gid://shopify/Order/7",
    customerGid: null,
    emailKey: null,
    addressKey: null,
    ...over,
  });

  it("no earlier order by customer, email or address", () => {
    expect(
      friendNewness(friend, [earlier({ emailKey: "other@x.com" })], TERMS.newFriendChecks),
    ).toMatchObject({ isNew: true, matches: [] });
  });

  it.each([
    ["customer", { customerGid: "gid://shopify/Customer/9" }, "the same customer"],
    ["email", { emailKey: "janedoe@gmail.com" }, "the same email"],
    ["address", { addressKey: "US|11201|12 main st" }, "the same shipping address"],
  ] as const)("an earlier order with %s is not new", (check, over, words) => {
    const n = friendNewness(friend, [earlier(over)], TERMS.newFriendChecks);
    expect(n).toMatchObject({
      isNew: false,
      matches: [{ check, orderGid: "gid://shopify/Order/7" }],
    });
    expect(n.sentence).toContain(words);
  });

  it("checks only what the policy names, and never matches on a missing identity", () => {
    const byAddress = [earlier({ addressKey: "US|11201|12 main st" })];
    expect(friendNewness(friend, byAddress, ["customer", "email"]).isNew).toBe(true);
    const guest = { customerGid: null, emailKey: null, addressKey: null };
    expect(friendNewness(guest, [earlier({})], TERMS.newFriendChecks).isNew).toBe(true);
  });

  it("lists every identity that matched", () => {
    const n = friendNewness(
      friend,
      [
        earlier({ emailKey: friend.emailKey }),
        earlier({ orderGid: "o2", addressKey: friend.addressKey }),
      ],
      TERMS.newFriendChecks,
    );
    expect(n.matches.map((m) => m.check)).toEqual(["email", "address"]);
  });
});

describe("the friend's reward", () => {
  it("$20 off, never more than the order", () => {
    expect(friendDiscount(24500, TERMS)).toMatchObject({ qualifies: true, amount: 2000 });
    expect(friendDiscount(1500, TERMS)).toMatchObject({ qualifies: true, amount: 1500 });
    expect(friendDiscount(0, TERMS)).toMatchObject({ qualifies: false, amount: 0 });
  });

  it("a percentage of the subtotal, rounded half up to the cent", () => {
    const terms = { ...TERMS, friendReward: { kind: "percent" as const, percent: 15 } };
    expect(friendDiscount(24500, terms)).toMatchObject({ amount: 3675 });
    expect(friendDiscount(24503, terms)).toMatchObject({ amount: 3675 });
    expect(friendDiscount(24504, terms)).toMatchObject({ amount: 3676 });
    expect(friendDiscount(24500, terms).sentence).toBe("15% ($36.75) off a first order.");
  });

  it("only from the minimum order up", () => {
    const terms = { ...TERMS, minimumOrder: 10000 };
    expect(friendDiscount(9999, terms)).toMatchObject({
      qualifies: false,
      sentence: "The referral reward needs an order of at least $100.",
    });
    expect(friendDiscount(10000, terms)).toMatchObject({ qualifies: true, amount: 2000 });
  });
});

describe("the referrer's reward", () => {
  it("the program's amount, an ambassador's own or the ambassador rate", () => {
    const terms = { ...TERMS, ambassadorReward: 3000 };
    expect(referrerRewardAmount("customer", terms)).toBe(2000);
    expect(referrerRewardAmount("ambassador", terms)).toBe(3000);
    expect(referrerRewardAmount("ambassador", terms, 4500)).toBe(4500);
    expect(referrerRewardAmount("ambassador", { ...terms, ambassadorsEnabled: false }, 4500)).toBe(
      2000,
    );
  });
});

describe("a referrer's standing from the mirrored orders", () => {
  it("counts paid orders, marks refunded ones returned and cancelled ones cancelled", () => {
    const orders = [
      { orderGid: "a", financialStatus: "paid", cancelledAt: null },
      { orderGid: "b", financialStatus: "refunded", cancelledAt: null },
      { orderGid: "c", financialStatus: "partially_refunded", cancelledAt: new Date() },
      { orderGid: "d", financialStatus: "pending", cancelledAt: null },
    ];
    expect(standingFrom(orders, "applied")).toEqual({
      paidOrders: [
        { orderGid: "a", fullyReturned: false, cancelled: false },
        { orderGid: "b", fullyReturned: true, cancelled: false },
        { orderGid: "c", fullyReturned: false, cancelled: true },
      ],
      ambassador: "applied",
    });
    expect(standingFrom([], null).ambassador).toBeNull();
  });
});

describe("a new friend against Shopify's own order history", () => {
  const THIS = "gid://shopify/Order/2";
  const fresh = friendNewness(
    { customerGid: null, emailKey: "olivia@example.com", addressKey: null },
    [],
    ["customer", "email", "address"],
  );

  it("is not new when the customer record's first order is an earlier one", () => {
    const seen = withShopifyHistory(fresh, "gid://shopify/Order/1", THIS, ["customer", "email"]);
    expect(seen).toMatchObject({
      isNew: false,
      matches: [{ check: "customer", orderGid: "gid://shopify/Order/1" }],
    });
    expect(seen.sentence).toMatch(/^Not a first order: Shopify has an earlier order/);
  });

  it("stays new when this is the first order, or Shopify has no customer, or the check is off", () => {
    expect(withShopifyHistory(fresh, THIS, THIS, ["customer"])).toBe(fresh);
    expect(withShopifyHistory(fresh, null, THIS, ["customer"])).toBe(fresh);
    expect(withShopifyHistory(fresh, "gid://shopify/Order/1", THIS, ["email"])).toBe(fresh);
  });

  it("never makes a friend already found not new into a new one", () => {
    const old = { isNew: false, matches: [], sentence: "Not a first order." };
    expect(withShopifyHistory(old, THIS, THIS, ["customer"])).toBe(old);
  });
});
