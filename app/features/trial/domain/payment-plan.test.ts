import { describe, expect, it } from "vitest";
import { holdAmount, lapsedHoldNotice, paymentPlan, reauthorizeAt } from "./payment-plan";
import { chargePreview } from "./settlement";

import { CLOSES, at, line } from "./test-fixtures";

describe("payment plan", () => {
  const auth = {
    gid: "gid://shopify/OrderTransaction/9",
    capturable: 49000,
    expiresAt: at("2026-11-20T00:00:00Z"),
  };
  const now = at("2026-11-13T06:00:00Z");
  const base = { itemsOwed: 0, returnedLineGids: [], authorization: auth, plus: false, now };

  it("captures what is owed from a live hold, or voids it when nothing is owed", () => {
    expect(paymentPlan({ ...base, owed: 24500, itemsOwed: 24500 })).toEqual({
      steps: [{ kind: "capture", amount: 24500, authorizationGid: auth.gid }],
      uncollectable: 0,
    });
    expect(paymentPlan({ ...base, owed: 0 })).toEqual({
      steps: [{ kind: "void", authorizationGid: auth.gid }],
      uncollectable: 0,
    });
  });

  it("takes returned pairs off the order whatever else happens", () => {
    expect(
      paymentPlan({ ...base, owed: 24500, itemsOwed: 24500, returnedLineGids: ["b"] }).steps,
    ).toEqual([
      { kind: "capture", amount: 24500, authorizationGid: auth.gid },
      { kind: "remove_lines", lineItemGids: ["b"] },
    ]);
    expect(paymentPlan({ ...base, owed: 0, returnedLineGids: ["a", "b"] }).steps).toEqual([
      { kind: "remove_lines", lineItemGids: ["a", "b"] },
      { kind: "void", authorizationGid: auth.gid },
    ]);
  });

  it("charges the rest above the hold with an amount on Plus, and leaves it to the merchant elsewhere", () => {
    const small = { ...auth, capturable: 35000 };
    expect(
      paymentPlan({ ...base, authorization: small, owed: 49000, itemsOwed: 49000, plus: true })
        .steps,
    ).toEqual([
      { kind: "capture", amount: 35000, authorizationGid: auth.gid },
      { kind: "charge", amount: 14000, withAmount: true },
    ]);
    expect(
      paymentPlan({ ...base, authorization: small, owed: 49000, itemsOwed: 49000 }).uncollectable,
    ).toBe(14000);
  });

  it("without a live hold: Plus charges the amount; Standard removes returned lines and charges the balance", () => {
    const lapsed = { ...auth, expiresAt: at("2026-11-13T07:00:00Z") }; // inside the 2-hour margin
    expect(
      paymentPlan({ ...base, authorization: lapsed, owed: 29500, itemsOwed: 24500, plus: true })
        .steps,
    ).toEqual([{ kind: "charge", amount: 29500, withAmount: true }]);
    expect(
      paymentPlan({
        ...base,
        authorization: null,
        owed: 29500,
        itemsOwed: 24500,
        returnedLineGids: ["b"],
      }),
    ).toEqual({
      steps: [
        { kind: "remove_lines", lineItemGids: ["b"] },
        { kind: "charge", amount: 24500, withAmount: false },
      ],
      uncollectable: 5000,
    });
    expect(paymentPlan({ ...base, authorization: null, owed: 0 }).steps).toEqual([]);
  });

  it("re-authorizes a day before expiry unless the trial settles before", () => {
    const expires = at("2026-11-20T00:00:00Z");
    expect(reauthorizeAt(expires, null)).toEqual(at("2026-11-19T00:00:00Z"));
    expect(reauthorizeAt(expires, at("2026-11-15T00:00:00Z"))).toBeNull();
    expect(reauthorizeAt(expires, at("2026-11-22T00:00:00Z"))).toEqual(at("2026-11-19T00:00:00Z"));
  });
});

describe("hold and shopper preview", () => {
  it("holds the policy's amount on Plus (never above the pairs), the balance elsewhere", () => {
    expect(holdAmount(true, 49000, 35000)).toBe(35000);
    expect(holdAmount(true, 24500, 35000)).toBe(24500);
    expect(holdAmount(true, 49000, undefined)).toBe(49000);
    expect(holdAmount(false, 49000, 35000)).toBe(0);
  });

  it("tells the shopper the pairs not marked for return, charged the local day settlement runs", () => {
    const lines = [
      line({ lineItemGid: "a", choice: "keep" }),
      line({ lineItemGid: "b", choice: "return" }),
      line({ lineItemGid: "c", returnReceivedAt: at("2026-11-10T00:00:00Z") }),
      line({ lineItemGid: "d", unitPrice: 19500 }),
    ];
    expect(chargePreview(lines, CLOSES, "America/New_York")).toEqual({
      amount: 44000,
      chargeDate: "2026-11-13",
    });
    expect(chargePreview(lines, CLOSES, "Asia/Tokyo").chargeDate).toBe("2026-11-13");
  });
});

describe("lapsed hold notice", () => {
  const hold = { gid: "auth", capturable: 49000, expiresAt: at("2026-11-08T10:00:00Z") };
  const base = { settledAt: null, cancelledAt: null, authorizationFailedAt: null, owed: null };

  it("says nothing while the hold is live, or when there is none", () => {
    expect(lapsedHoldNotice({ ...base, authorization: hold }, at("2026-11-08T07:00:00Z"))).toBe(
      null,
    );
    expect(lapsedHoldNotice({ ...base, authorization: null }, at("2026-11-20T00:00:00Z"))).toBe(
      null,
    );
  });

  it("warns of a charge instead of a capture once the hold has lapsed in an open trial", () => {
    const notice = lapsedHoldNotice({ ...base, authorization: hold }, at("2026-11-09T00:00:00Z"));
    expect(notice).toMatch(/lapsed \(2026-11-08 10:00 UTC\).*charged to the card on file/);
  });

  it("explains a settlement that had to charge the card because the hold had lapsed", () => {
    const settledAt = at("2026-11-12T00:00:00Z");
    expect(
      lapsedHoldNotice({ ...base, authorization: hold, settledAt, owed: 24500 }, settledAt),
    ).toMatch(/was charged to the card on file instead of captured/);
    // Nothing owed: nothing was charged, nothing to explain.
    expect(lapsedHoldNotice({ ...base, authorization: hold, settledAt, owed: 0 }, settledAt)).toBe(
      null,
    );
  });

  it("leaves declined holds and cancelled trials to their own messages", () => {
    const later = at("2026-11-20T00:00:00Z");
    expect(
      lapsedHoldNotice({ ...base, authorization: hold, authorizationFailedAt: later }, later),
    ).toBe(null);
    expect(lapsedHoldNotice({ ...base, authorization: hold, cancelledAt: later }, later)).toBe(
      null,
    );
  });
});
