import { describe, expect, it } from "vitest";
import { fraudSignals, type FraudInput, type PartyIdentity } from "./fraud";
import { TERMS } from "./test-fixtures";

const party = (over: Partial<PartyIdentity> = {}): PartyIdentity => ({
  customerGid: null,
  emailKey: null,
  addressKeys: [],
  paymentKeys: [],
  ...over,
});

const input = (over: Partial<FraudInput> = {}): FraudInput => ({
  referrer: party({
    customerGid: "gid://shopify/Customer/1",
    emailKey: "ally@gmail.com",
    addressKeys: ["US|10001|1 a st"],
    paymentKeys: ["424242|4242|12/28|ALLY"],
  }),
  referrerIsAmbassador: false,
  friend: party({
    customerGid: "gid://shopify/Customer/2",
    emailKey: "jane@example.com",
    addressKeys: ["US|11201|12 main st"],
    paymentKeys: ["555555|4444|01/29|JANE"],
  }),
  otherFriendAddressKeys: [],
  codeFriends30d: 1,
  typicalCodeFriends30d: 1,
  ...over,
});

const codes = (i: FraudInput) => fraudSignals(i, TERMS).map((s) => s.code);

describe("fraud signals", () => {
  it("none for a friend who is somebody else", () => {
    expect(fraudSignals(input(), TERMS)).toEqual([]);
  });

  it.each([
    ["self_customer", { customerGid: "gid://shopify/Customer/1" }],
    ["self_email", { emailKey: "ally@gmail.com" }],
    ["self_address", { addressKeys: ["US|11201|12 main st", "US|10001|1 a st"] }],
    ["self_payment", { paymentKeys: ["424242|4242|12/28|ALLY"] }],
  ] as const)("%s: the friend shares the referrer's identity", (code, friend) => {
    const i = input();
    expect(codes({ ...i, friend: { ...i.friend, ...friend } })).toEqual([code]);
  });

  it("every self-referral signal at once, each with its reason", () => {
    const i = input();
    const signals = fraudSignals({ ...i, friend: i.referrer }, TERMS);
    expect(signals.map((s) => s.code)).toEqual([
      "self_customer",
      "self_email",
      "self_address",
      "self_payment",
    ]);
    expect(signals.every((s) => s.reason.length > 10)).toBe(true);
  });

  it("many friends of one referrer at one address, from the policy's count", () => {
    const at = "US|11201|12 main st";
    expect(codes(input({ otherFriendAddressKeys: [at] }))).toEqual([]);
    expect(codes(input({ otherFriendAddressKeys: [at, at, "x"] }))).toEqual(["shared_address"]);
    expect(fraudSignals(input({ otherFriendAddressKeys: [at, at] }), TERMS)[0]?.reason).toContain(
      "3 of this referrer's friends",
    );
  });

  it("a leaked code: above the policy's floor and far above the usual circle", () => {
    expect(codes(input({ codeFriends30d: 25, typicalCodeFriends30d: 1 }))).toEqual([]);
    expect(codes(input({ codeFriends30d: 26, typicalCodeFriends30d: 1 }))).toEqual(["leaked_code"]);
    // Where codes usually bring 6 friends, 26 is not yet five times that.
    expect(codes(input({ codeFriends30d: 26, typicalCodeFriends30d: 6 }))).toEqual([]);
    expect(codes(input({ codeFriends30d: 30, typicalCodeFriends30d: 6 }))).toEqual(["leaked_code"]);
  });

  it("an ambassador's code is meant to be public", () => {
    expect(codes(input({ codeFriends30d: 500, referrerIsAmbassador: true }))).toEqual([]);
  });
});
