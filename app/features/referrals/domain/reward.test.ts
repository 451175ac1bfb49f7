import { describe, expect, it } from "vitest";
import { rewardDecision } from "./reward";
import { TERMS, dayAfterDelivery, friendOrder, rewardCase } from "./test-fixtures";

const line = (quantity: number, returned: number, unitValue = 12000, id = "1") => ({
  lineItemGid: `gid://shopify/LineItem/${id}`,
  quantity,
  unitValue,
  returned,
});

describe("when the referrer's reward is earned", () => {
  it("not before delivery, then the day after the 14-day window (shop's time zone)", () => {
    const undelivered = rewardCase({ order: friendOrder({ deliveredAt: null }) });
    expect(rewardDecision(undelivered, dayAfterDelivery(30))).toMatchObject({
      status: "waiting_delivery",
      shopper: "Ordered — your $20 is released 14 days after delivery.",
    });
    expect(rewardDecision(rewardCase(), dayAfterDelivery(14))).toMatchObject({
      status: "waiting_window",
      windowLastDay: "2026-12-15",
      shopper: "Waiting for the return window until 2026-12-15.",
    });
    // 23:30 on the last day in New York is already the next day in UTC: still waiting.
    expect(rewardDecision(rewardCase(), new Date("2026-12-16T04:30:00Z")).status).toBe(
      "waiting_window",
    );
    const earned = rewardDecision(rewardCase(), new Date("2026-12-16T05:00:00Z"));
    expect(earned).toMatchObject({ status: "earned", amount: 2000, shopper: "Earned: $20." });
    expect(earned.rule).toBe(
      "Policy v5: $20 earned — the friend's return window ended 2026-12-15 and the order was kept.",
    );
  });

  it("at payment when the policy does not hold rewards, and not before payment", () => {
    const terms = { ...TERMS, holdUntilReturnWindowEnds: false };
    const c = rewardCase({ terms, order: friendOrder({ deliveredAt: null }) });
    expect(rewardDecision(c, dayAfterDelivery(0)).status).toBe("earned");
    const unpaid = { ...c, order: { ...c.order, paid: false } };
    expect(rewardDecision(unpaid, dayAfterDelivery(0)).status).toBe("waiting_payment");
  });

  it("not while a return asked for inside the window is still open, then once it closes", () => {
    const open = rewardCase({ order: friendOrder({ openReturns: ["gid://shopify/Return/7"] }) });
    const d = rewardDecision(open, dayAfterDelivery(20));
    expect(d).toMatchObject({
      status: "waiting_return",
      windowLastDay: "2026-12-15",
      shopper: "Waiting — the friend has a return open.",
    });
    expect(d.rule).toBe(
      "Policy v5: the friend's return window ended 2026-12-15, but a return on the order is still open; released once it closes with the order kept.",
    );
    // Inside the window the window is the reason it waits, open return or not.
    expect(rewardDecision(open, dayAfterDelivery(3)).status).toBe("waiting_window");
    const closed = rewardCase({ order: friendOrder({ openReturns: [] }) });
    expect(rewardDecision(closed, dayAfterDelivery(20)).status).toBe("earned");
    // The merchant's "Pay now" releases it anyway; a policy that does not hold never waits.
    expect(rewardDecision({ ...open, payNow: true }, dayAfterDelivery(20)).status).toBe("earned");
    const noHold = { ...open, terms: { ...TERMS, holdUntilReturnWindowEnds: false } };
    expect(rewardDecision(noHold, dayAfterDelivery(20)).status).toBe("earned");
  });

  it("at once when the merchant pays now", () => {
    const d = rewardDecision(rewardCase({ payNow: true }), dayAfterDelivery(1));
    expect(d).toMatchObject({ status: "earned" });
    expect(d.rule).toContain("released by the store before the window ended");
  });
});

describe("what voids it", () => {
  const after = dayAfterDelivery(20);

  it("a cancelled order, whatever else", () => {
    const c = rewardCase({
      order: friendOrder({ cancelledAt: new Date() }),
      review: { decision: "approve", note: null },
    });
    expect(rewardDecision(c, after)).toMatchObject({
      status: "voided",
      voidReason: "cancelled",
      shopper: "No reward: the order was cancelled.",
    });
  });

  it("the whole order returned in the window", () => {
    const c = rewardCase({ order: friendOrder({ lines: [line(2, 2)] }) });
    expect(rewardDecision(c, after)).toMatchObject({
      status: "voided",
      voidReason: "fully_returned",
    });
  });

  it("a partial return only when what is kept falls under the minimum", () => {
    const lines = [line(1, 1, 12000, "1"), line(1, 0, 8000, "2")];
    const c = rewardCase({ order: friendOrder({ lines }) });
    expect(rewardDecision(c, after).status).toBe("earned");
    const withMinimum = { ...c, terms: { ...TERMS, minimumOrder: 10000 } };
    expect(rewardDecision(withMinimum, after)).toMatchObject({ voidReason: "under_minimum" });
  });

  it("a friend who was not new, or a referrer who could not refer — unless the merchant approves", () => {
    const notNew = rewardCase({
      newness: { isNew: false, matches: [{ check: "email", orderGid: "o" }], sentence: "" },
    });
    expect(rewardDecision(notNew, after)).toMatchObject({ voidReason: "not_new_friend" });
    const approved = { ...notNew, review: { decision: "approve" as const, note: "sisters" } };
    expect(rewardDecision(approved, after).status).toBe("earned");
    const cannot = rewardCase({
      referrer: { allowed: false, reason: "no_kept_order", sentence: "" },
    });
    expect(rewardDecision(cannot, after)).toMatchObject({ voidReason: "referrer_not_eligible" });
  });

  it("the merchant's void, before payment", () => {
    const c = rewardCase({ review: { decision: "void", note: "abuse" } });
    expect(rewardDecision(c, after)).toMatchObject({ voidReason: "merchant_voided" });
  });
});

describe("flags", () => {
  const signals = [
    { code: "self_email" as const, reason: "The friend's email is the referrer's." },
  ];

  it("a flagged reward waits for the merchant, even past the window", () => {
    const d = rewardDecision(rewardCase({ signals }), dayAfterDelivery(40));
    expect(d).toMatchObject({
      status: "flagged",
      shopper: "Ordered — the store is checking this referral.",
    });
    expect(d.rule).toContain("The friend's email is the referrer's.");
  });

  it("approved, it follows the window like any other", () => {
    const c = rewardCase({ signals, review: { decision: "approve", note: null } });
    expect(rewardDecision(c, dayAfterDelivery(3)).status).toBe("waiting_window");
    expect(rewardDecision(c, dayAfterDelivery(15)).status).toBe("earned");
  });
});

describe("after payment", () => {
  const paidAt = dayAfterDelivery(15);

  it("stays paid; a later return is reported, and taken back only by the policy", () => {
    const kept = rewardDecision(rewardCase({ paidAt }), dayAfterDelivery(30));
    expect(kept).toMatchObject({ status: "paid", clawBack: null, shopper: "Paid: $20." });
    const returned = rewardCase({ paidAt, order: friendOrder({ lines: [line(1, 1)] }) });
    expect(rewardDecision(returned, dayAfterDelivery(30))).toMatchObject({
      status: "paid",
      clawBack: { reason: "fully_returned", action: "none" },
    });
    const debit = { ...returned, terms: { ...TERMS, clawBack: "debit_store_credit" as const } };
    const d = rewardDecision(debit, dayAfterDelivery(30));
    expect(d.clawBack).toEqual({ reason: "fully_returned", action: "debit_store_credit" });
    expect(d.rule).toContain("the unspent store credit is debited");
  });
});
