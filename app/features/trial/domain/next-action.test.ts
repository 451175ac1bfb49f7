import { describe, expect, it } from "vitest";
import { nextTrialAction, type TrialSnapshot } from "./next-action";

import { CLOSES, DAY, NY, TERMS, at, line } from "./test-fixtures";

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

  it("places no hold on a trial the policy does not allow, and waits for the merchant", () => {
    const forged = snapshot({
      authorizationAttempts: 0,
      authorization: null,
      ineligibleReason: "Not eligible for the home trial: Forever Flat…",
    });
    expect(nextTrialAction(forged, ordered)).toEqual({
      kind: "wait",
      until: null,
      reason: "not eligible for the trial: the merchant decides",
    });
    expect(nextTrialAction(forged, new Date(ordered.getTime() + 40 * DAY)).kind).toBe("wait");
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
