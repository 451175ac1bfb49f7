import { describe, expect, it } from "vitest";
import { nextMtoAction, type MtoCase, type MtoTerms } from "./next-action";

const TERMS: MtoTerms = {
  fitReminderAfterDays: 3,
  fitEscalateAfterDays: 10,
  fittingPairReturnDays: 14,
  timeZone: "America/New_York",
};
const at = (iso: string) => new Date(iso);
const base: MtoCase = {
  path: "fitting_first",
  holdPlaced: true,
  scheduled: false,
  fittingPairDeliveredAt: null,
  fitConfirmedAt: null,
  reminderSentAt: null,
  escalatedAt: null,
  fittingPairReturnedAt: null,
  fittingPairOverdueNotifiedAt: null,
  cancelledAt: null,
  sizeChange: "none",
  holdsReleased: false,
  productionHoldUntil: null,
};

describe("made-to-order next action", () => {
  it("schedules a confirmed size at once, and holds + ships the fitting pair otherwise", () => {
    expect(
      nextMtoAction(
        { ...base, path: "confirmed_size", holdPlaced: false },
        TERMS,
        at("2026-11-23T15:00:00Z"),
      ),
    ).toEqual({ kind: "schedule_production" });
    expect(
      nextMtoAction({ ...base, holdPlaced: false }, TERMS, at("2026-11-23T15:00:00Z")),
    ).toEqual({ kind: "hold_and_ship_fitting_pair" });
    expect(nextMtoAction(base, TERMS, at("2026-11-24T15:00:00Z"))).toMatchObject({
      kind: "wait",
      reason: "fitting pair on its way",
      until: null,
    });
  });

  it("reminds after N local days without a confirmation, then escalates after M", () => {
    const delivered = { ...base, fittingPairDeliveredAt: at("2026-11-25T20:00:00Z") }; // Wed 3pm in New York
    expect(nextMtoAction(delivered, TERMS, at("2026-11-28T04:59:00Z"))).toMatchObject({
      kind: "wait",
      until: at("2026-11-28T05:00:00Z"),
    });
    expect(nextMtoAction(delivered, TERMS, at("2026-11-28T05:00:00Z"))).toEqual({
      kind: "remind_fit",
    });
    const reminded = { ...delivered, reminderSentAt: at("2026-11-28T05:00:00Z") };
    expect(nextMtoAction(reminded, TERMS, at("2026-11-29T00:00:00Z"))).toMatchObject({
      kind: "wait",
      until: at("2026-12-05T05:00:00Z"),
    });
    expect(nextMtoAction(reminded, TERMS, at("2026-12-05T06:00:00Z"))).toEqual({
      kind: "escalate_fit",
    });
    expect(
      nextMtoAction(
        { ...reminded, escalatedAt: at("2026-12-05T06:00:00Z") },
        TERMS,
        at("2026-12-20T00:00:00Z"),
      ),
    ).toMatchObject({ kind: "wait", until: null });
  });

  it("schedules production on confirmation and chases the fitting pair if it does not come back", () => {
    const confirmed = {
      ...base,
      fittingPairDeliveredAt: at("2026-11-25T20:00:00Z"),
      fitConfirmedAt: at("2026-11-26T20:00:00Z"),
    };
    expect(nextMtoAction(confirmed, TERMS, at("2026-11-26T21:00:00Z"))).toEqual({
      kind: "schedule_production",
    });
    const scheduled = { ...confirmed, scheduled: true };
    expect(nextMtoAction(scheduled, TERMS, at("2026-11-27T00:00:00Z"))).toMatchObject({
      kind: "wait",
      until: at("2026-12-10T05:00:00Z"),
    });
    expect(nextMtoAction(scheduled, TERMS, at("2026-12-10T05:00:00Z"))).toEqual({
      kind: "fitting_pair_overdue",
    });
    expect(
      nextMtoAction(
        { ...scheduled, fittingPairReturnedAt: at("2026-12-01T00:00:00Z") },
        TERMS,
        at("2026-12-20T00:00:00Z"),
      ),
    ).toMatchObject({ kind: "wait", reason: "in production" });
  });

  it("releases the hold of a cancelled case that never went to production", () => {
    expect(
      nextMtoAction(
        { ...base, cancelledAt: at("2026-11-24T00:00:00Z") },
        TERMS,
        at("2026-11-24T00:00:00Z"),
      ),
    ).toEqual({ kind: "release_hold_for_cancel" });
    expect(
      nextMtoAction(
        { ...base, scheduled: true, cancelledAt: at("2026-11-24T00:00:00Z") },
        TERMS,
        at("2026-11-24T00:00:00Z"),
      ),
    ).toMatchObject({ kind: "wait" });
  });

  it("changes the size before scheduling, and waits for the merchant when the app could not", () => {
    const confirmed = { ...base, fitConfirmedAt: at("2026-11-27T15:00:00Z") };
    const t = at("2026-11-27T16:00:00Z");
    expect(nextMtoAction({ ...confirmed, sizeChange: "requested" }, TERMS, t)).toEqual({
      kind: "change_size",
    });
    expect(nextMtoAction({ ...confirmed, sizeChange: "needs_merchant" }, TERMS, t)).toEqual({
      kind: "wait",
      until: null,
      reason: "size change for the merchant",
    });
    expect(nextMtoAction({ ...confirmed, sizeChange: "none" }, TERMS, t)).toEqual({
      kind: "schedule_production",
    });
  });

  it("releases a production hold at the start of its ship day in the shop's zone", () => {
    const held = {
      ...base,
      fitConfirmedAt: at("2026-11-27T15:00:00Z"),
      fittingPairReturnedAt: at("2026-11-30T15:00:00Z"),
      scheduled: true,
      productionHoldUntil: "2026-12-11",
    };
    expect(nextMtoAction(held, TERMS, at("2026-12-11T04:59:00Z"))).toEqual({
      kind: "wait",
      until: at("2026-12-11T05:00:00Z"),
      reason: "in production",
    });
    expect(nextMtoAction(held, TERMS, at("2026-12-11T05:00:00Z"))).toEqual({
      kind: "release_production_hold",
    });
    // The same for a confirmed size (no fitting at all).
    expect(
      nextMtoAction({ ...held, path: "confirmed_size" }, TERMS, at("2026-12-11T05:00:00Z")),
    ).toEqual({ kind: "release_production_hold" });
  });

  it("waits for whichever comes first: the fitting pair's due date or the production release", () => {
    const c = {
      ...base,
      fitConfirmedAt: at("2026-11-27T15:00:00Z"),
      scheduled: true,
      productionHoldUntil: "2026-12-08",
    };
    // Fitting pair due 14 local days after the confirmation (Dec 11), production ends Dec 8.
    expect(nextMtoAction(c, TERMS, at("2026-12-01T12:00:00Z"))).toEqual({
      kind: "wait",
      until: at("2026-12-08T05:00:00Z"),
      reason: "fitting pair to be returned",
    });
  });

  it("on cancel releases a production hold too, once", () => {
    const cancelled = {
      ...base,
      scheduled: true,
      productionHoldUntil: "2026-12-11",
      cancelledAt: at("2026-12-01T00:00:00Z"),
    };
    const t = at("2026-12-01T01:00:00Z");
    expect(nextMtoAction(cancelled, TERMS, t)).toEqual({ kind: "release_hold_for_cancel" });
    expect(nextMtoAction({ ...cancelled, holdsReleased: true }, TERMS, t)).toMatchObject({
      kind: "wait",
      reason: "cancelled",
    });
  });
});
