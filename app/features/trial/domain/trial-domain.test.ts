import { describe, expect, it } from "vitest";
import { startOfLocalDay } from "~/domain/calendar";
import { nextTrialAction, type TrialSnapshot } from "./next-action";
import { holdAmount, paymentPlan, reauthorizeAt } from "./payment-plan";
import { chargePreview, lineOutcome, settlementReadiness, type TrialLineFacts } from "./settlement";
import { trialDay, trialWindow, type WindowTerms } from "./window";

const NY: WindowTerms = {
  windowDays: 7,
  fallbackStartDaysAfterFulfillment: 10,
  reminderLeadHours: 48,
  timeZone: "America/New_York",
};
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe("startOfLocalDay", () => {
  it("finds local midnight across time zones and DST changes", () => {
    expect(startOfLocalDay("2026-11-21", "America/New_York").toISOString()).toBe(
      "2026-11-21T05:00:00.000Z",
    );
    expect(startOfLocalDay("2026-07-01", "America/New_York").toISOString()).toBe(
      "2026-07-01T04:00:00.000Z",
    );
    // DST ends 2026-11-01 in New York: midnight is still EDT.
    expect(startOfLocalDay("2026-11-01", "America/New_York").toISOString()).toBe(
      "2026-11-01T04:00:00.000Z",
    );
    expect(startOfLocalDay("2026-03-29", "Europe/London").toISOString()).toBe(
      "2026-03-29T00:00:00.000Z",
    );
    expect(startOfLocalDay("2026-06-01", "Asia/Kolkata").toISOString()).toBe(
      "2026-05-31T18:30:00.000Z",
    );
    expect(startOfLocalDay("2026-06-01", "Pacific/Auckland").toISOString()).toBe(
      "2026-05-31T12:00:00.000Z",
    );
  });
});

describe("trial window", () => {
  const base = {
    fulfilledAt: at("2026-11-02T15:00:00Z"),
    deliveryReportedAt: null,
    extensionDays: 0,
  };

  it("gives 7 full local days after the delivery day, closing at local midnight", () => {
    // Delivered Thursday 2026-11-05 at 23:30 New York time (04:30Z on the 6th).
    const w = trialWindow(
      NY,
      { ...base, deliveredAt: at("2026-11-06T04:30:00Z") },
      at("2026-11-06T05:00:00Z"),
    );
    expect(w).toMatchObject({ startDate: "2026-11-05", source: "carrier", lastDay: "2026-11-12" });
    expect(w!.closesAt.toISOString()).toBe("2026-11-13T05:00:00.000Z");
    expect(w!.remindAt.toISOString()).toBe("2026-11-11T05:00:00.000Z");
    expect(trialDay(w!, at("2026-11-08T17:00:00Z"), NY.timeZone)).toBe(3);
  });

  it("counts weekends like any day and follows the shop's time zone, not UTC", () => {
    const delivered = at("2026-11-07T02:00:00Z"); // Friday evening in New York, Saturday in UTC
    const ny = trialWindow(NY, { ...base, deliveredAt: delivered }, delivered)!;
    const tokyo = trialWindow(
      { ...NY, timeZone: "Asia/Tokyo" },
      { ...base, deliveredAt: delivered },
      delivered,
    )!;
    expect(ny.startDate).toBe("2026-11-06");
    expect(tokyo.startDate).toBe("2026-11-07");
    expect(tokyo.closesAt.toISOString()).toBe("2026-11-14T15:00:00.000Z");
  });

  it("has not started before delivery, and starts by fallback when no scan ever comes", () => {
    const facts = { ...base, deliveredAt: null };
    expect(trialWindow(NY, facts, at("2026-11-11T12:00:00Z"))).toBeNull();
    expect(trialWindow(NY, { ...facts, fulfilledAt: null }, at("2026-12-30T12:00:00Z"))).toBeNull();
    const w = trialWindow(NY, facts, at("2026-11-12T06:00:00Z"));
    expect(w).toMatchObject({ startDate: "2026-11-12", source: "fallback", lastDay: "2026-11-19" });
  });

  it("lets a late scan move the start later but never earlier once the fallback started", () => {
    const later = trialWindow(
      NY,
      {
        ...base,
        deliveredAt: at("2026-11-14T15:00:00Z"),
        deliveryReportedAt: at("2026-11-14T16:00:00Z"),
      },
      at("2026-11-14T17:00:00Z"),
    );
    expect(later).toMatchObject({ startDate: "2026-11-14", source: "carrier" });
    const earlierButLate = trialWindow(
      NY,
      {
        ...base,
        deliveredAt: at("2026-11-05T15:00:00Z"),
        deliveryReportedAt: at("2026-11-13T16:00:00Z"),
      },
      at("2026-11-13T17:00:00Z"),
    );
    expect(earlierButLate).toMatchObject({ startDate: "2026-11-12", source: "fallback" });
    const earlyAndOnTime = trialWindow(
      NY,
      {
        ...base,
        deliveredAt: at("2026-11-05T15:00:00Z"),
        deliveryReportedAt: at("2026-11-06T16:00:00Z"),
      },
      at("2026-11-13T17:00:00Z"),
    );
    expect(earlyAndOnTime).toMatchObject({ startDate: "2026-11-05", source: "carrier" });
  });

  it("adds merchant extensions to the last day", () => {
    const w = trialWindow(
      NY,
      { ...base, deliveredAt: at("2026-11-05T15:00:00Z"), extensionDays: 3 },
      at("2026-11-06T00:00:00Z"),
    );
    expect(w!.lastDay).toBe("2026-11-15");
  });
});

const line = (over: Partial<TrialLineFacts> = {}): TrialLineFacts => ({
  lineItemGid: "gid://shopify/LineItem/1",
  title: "Little Black Heels",
  unitPrice: 24500,
  quantity: 1,
  choice: "undecided",
  returnStartedAt: null,
  returnReceivedAt: null,
  damaged: false,
  damageFeeWaived: false,
  exchanged: false,
  ...over,
});
const TERMS = { damageFee: 5000, returnInTransitCapDays: 10 };
const CLOSES = at("2026-11-13T05:00:00Z");

describe("settlement", () => {
  it("charges kept and unreturned pairs, not returned ones, and the damage fee unless waived", () => {
    expect(lineOutcome(line({ choice: "keep" }), TERMS, CLOSES, CLOSES)).toMatchObject({
      kind: "charge",
      amount: 24500,
    });
    expect(lineOutcome(line(), TERMS, CLOSES, CLOSES)).toMatchObject({
      kind: "charge",
      rule: "not returned by the end of the trial: charged",
    });
    const back = {
      returnStartedAt: at("2026-11-10T00:00:00Z"),
      returnReceivedAt: at("2026-11-12T00:00:00Z"),
    };
    expect(lineOutcome(line(back), TERMS, CLOSES, CLOSES)).toEqual({
      kind: "returned",
      fee: 0,
      rule: "returned in time: not charged",
    });
    expect(lineOutcome(line({ ...back, damaged: true }), TERMS, CLOSES, CLOSES)).toMatchObject({
      kind: "returned",
      fee: 5000,
    });
    expect(
      lineOutcome(line({ ...back, damaged: true, damageFeeWaived: true }), TERMS, CLOSES, CLOSES),
    ).toMatchObject({ fee: 0 });
  });

  it("holds the charge while a return sent in time is in transit, up to the cap", () => {
    const sent = line({ returnStartedAt: at("2026-11-12T20:00:00Z") });
    expect(lineOutcome(sent, TERMS, CLOSES, at("2026-11-20T00:00:00Z"))).toMatchObject({
      kind: "pending",
    });
    expect(lineOutcome(sent, TERMS, CLOSES, at("2026-11-22T20:00:01Z"))).toMatchObject({
      kind: "charge",
      amount: 24500,
    });
    expect(
      lineOutcome(
        { ...sent, returnReceivedAt: at("2026-11-18T00:00:00Z") },
        TERMS,
        CLOSES,
        at("2026-11-18T00:00:00Z"),
      ),
    ).toMatchObject({ kind: "returned" });
    const tooLate = line({
      returnStartedAt: at("2026-11-13T06:00:00Z"),
      returnReceivedAt: at("2026-11-15T00:00:00Z"),
    });
    expect(lineOutcome(tooLate, TERMS, CLOSES, at("2026-11-15T00:00:00Z"))).toMatchObject({
      kind: "charge",
    });
  });

  it("is not ready before the window closes, except that an all-returned trial releases early", () => {
    const before = at("2026-11-10T00:00:00Z");
    expect(settlementReadiness([line({ choice: "keep" })], TERMS, CLOSES, before)).toMatchObject({
      ready: false,
      reason: "window_open",
    });
    const back = line({
      returnStartedAt: at("2026-11-08T00:00:00Z"),
      returnReceivedAt: at("2026-11-09T00:00:00Z"),
    });
    expect(settlementReadiness([back], TERMS, CLOSES, before)).toMatchObject({
      ready: true,
      settlement: { total: 0 },
    });
    expect(settlementReadiness([{ ...back, damaged: true }], TERMS, CLOSES, before)).toMatchObject({
      ready: false,
    });
  });

  it("treats an exchange as a return of the replaced pair plus a new pair on trial", () => {
    const replaced = line({
      lineItemGid: "old",
      exchanged: true,
      choice: "return",
      returnStartedAt: at("2026-11-08T00:00:00Z"),
    });
    const replacement = line({ lineItemGid: "new" });
    const back = { ...replaced, returnReceivedAt: at("2026-11-10T00:00:00Z") };
    expect(
      settlementReadiness([back, replacement], TERMS, CLOSES, at("2026-11-13T12:00:00Z")),
    ).toMatchObject({
      ready: true,
      settlement: { total: 24500, chargedLineGids: ["new"], returnedLineGids: ["old"] },
    });
    // A replaced pair that never comes back is charged like any pair not returned.
    expect(lineOutcome(replaced, TERMS, CLOSES, at("2026-11-19T00:00:00Z"))).toMatchObject({
      kind: "charge",
    });
    const sentBackToo = {
      ...replacement,
      returnStartedAt: at("2026-11-12T00:00:00Z"),
      returnReceivedAt: at("2026-11-14T00:00:00Z"),
    };
    expect(
      settlementReadiness([back, sentBackToo], TERMS, CLOSES, at("2026-11-14T00:00:00Z")),
    ).toMatchObject({
      ready: true,
      settlement: { total: 0 },
    });
  });

  it("waits for the earliest return in transit, then sums exactly what is owed", () => {
    const lines = [
      line({ lineItemGid: "a", choice: "keep" }),
      line({ lineItemGid: "b", returnStartedAt: at("2026-11-12T00:00:00Z") }),
      line({
        lineItemGid: "c",
        unitPrice: 19500,
        returnStartedAt: at("2026-11-11T00:00:00Z"),
        returnReceivedAt: at("2026-11-14T00:00:00Z"),
        damaged: true,
      }),
    ];
    const wait = settlementReadiness(lines, TERMS, CLOSES, at("2026-11-14T00:00:00Z"));
    expect(wait).toEqual({
      ready: false,
      reason: "returns_in_transit",
      until: at("2026-11-22T00:00:00Z"),
    });
    lines[1] = { ...lines[1]!, returnReceivedAt: at("2026-11-16T00:00:00Z") };
    const done = settlementReadiness(lines, TERMS, CLOSES, at("2026-11-16T00:00:00Z"));
    expect(done).toMatchObject({
      ready: true,
      settlement: {
        itemsOwed: 24500,
        feesOwed: 5000,
        total: 29500,
        chargedLineGids: ["a"],
        returnedLineGids: ["b", "c"],
      },
    });
  });
});

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

describe("next trial action", () => {
  const ordered = at("2026-11-01T15:00:00Z");
  const snapshot = (over: Partial<TrialSnapshot> = {}): TrialSnapshot => ({
    terms: { ...NY, ...TERMS, onAuthorizationFailure: "wait_for_card_update" },
    orderedAt: ordered,
    fulfilledAt: null,
    deliveredAt: null,
    deliveryReportedAt: null,
    extensionDays: 0,
    cancelledAt: null,
    settledAt: null,
    authorizationAttempts: 1,
    authorizationFailedAt: null,
    authorization: {
      gid: "auth",
      capturable: 49000,
      expiresAt: new Date(ordered.getTime() + 7 * DAY),
    },
    remindedAt: null,
    settleRequestedAt: null,
    lines: [line({ lineItemGid: "a" }), line({ lineItemGid: "b" })],
    ...over,
  });

  it("authorizes first, then waits for shipment", () => {
    expect(
      nextTrialAction(snapshot({ authorizationAttempts: 0, authorization: null }), ordered),
    ).toEqual({ kind: "authorize" });
    expect(nextTrialAction(snapshot(), at("2026-11-02T00:00:00Z"))).toMatchObject({
      kind: "wait",
      reason: "awaiting shipment",
      until: at("2026-11-07T15:00:00Z"),
    });
  });

  it("re-authorizes before the hold lapses while the trial is open", () => {
    expect(nextTrialAction(snapshot(), at("2026-11-07T16:00:00Z"))).toEqual({
      kind: "reauthorize",
    });
  });

  it("handles a failed authorization by the policy's choice", () => {
    const failed = snapshot({ authorization: null, authorizationFailedAt: ordered });
    expect(nextTrialAction(failed, ordered)).toMatchObject({ kind: "wait", reason: /card update/ });
    const cancel = snapshot({
      authorization: null,
      authorizationFailedAt: ordered,
      terms: { ...snapshot().terms, onAuthorizationFailure: "cancel" },
    });
    expect(nextTrialAction(cancel, ordered)).toMatchObject({ kind: "cancel_order" });
  });

  it("reminds before the end, settles at the end, and never twice", () => {
    const delivered = snapshot({
      fulfilledAt: at("2026-11-03T15:00:00Z"),
      deliveredAt: at("2026-11-05T15:00:00Z"),
      authorization: { gid: "auth", capturable: 49000, expiresAt: at("2026-11-19T00:00:00Z") },
    });
    expect(nextTrialAction(delivered, at("2026-11-06T00:00:00Z"))).toMatchObject({
      kind: "wait",
      until: at("2026-11-11T05:00:00Z"),
    });
    expect(nextTrialAction(delivered, at("2026-11-11T06:00:00Z"))).toMatchObject({
      kind: "remind",
    });
    const reminded = { ...delivered, remindedAt: at("2026-11-11T06:00:00Z") };
    expect(nextTrialAction(reminded, at("2026-11-13T04:59:59Z"))).toMatchObject({
      kind: "wait",
      until: at("2026-11-13T11:00:00Z"),
    });
    expect(nextTrialAction(reminded, at("2026-11-13T11:00:00Z"))).toMatchObject({
      kind: "settle",
      settlement: { total: 49000 },
    });
    expect(
      nextTrialAction({ ...reminded, settledAt: CLOSES }, at("2026-11-14T00:00:00Z")),
    ).toMatchObject({ kind: "wait", until: null });
  });

  it("settles at once when the merchant charges now, but still waits for a return in transit", () => {
    const open = snapshot({
      fulfilledAt: at("2026-11-03T15:00:00Z"),
      deliveredAt: at("2026-11-05T15:00:00Z"),
    });
    const asked = at("2026-11-07T12:00:00Z");
    expect(nextTrialAction({ ...open, settleRequestedAt: asked }, asked)).toMatchObject({
      kind: "settle",
      settlement: { total: 49000 },
    });
    const inTransit = {
      ...open,
      settleRequestedAt: asked,
      lines: [line({ lineItemGid: "a", returnStartedAt: at("2026-11-07T10:00:00Z") })],
    };
    expect(nextTrialAction(inTransit, asked)).toMatchObject({
      kind: "wait",
      reason: "returns in transit",
    });
  });

  it("releases the hold of a cancelled trial", () => {
    expect(nextTrialAction(snapshot({ cancelledAt: ordered }), ordered)).toMatchObject({
      kind: "release_hold",
    });
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
