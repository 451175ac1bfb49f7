import { describe, expect, it } from "vitest";
import { mtoAttention, mtoStatus, type MtoStatusFacts } from "./status";
import { caseTerms, sizeIsConfirmed } from "./terms";
import { defaultPolicy } from "~/domain/policy/defaults";
import type { FitProfile } from "~/domain/fit-profile";

const at = new Date("2026-11-23T15:00:00Z");
const facts: MtoStatusFacts = {
  path: "fitting_first",
  fittingPairShippedAt: null,
  fitConfirmedAt: null,
  sizeChange: "none",
  shippedAt: null,
  cancelledAt: null,
};

describe("made-to-order status", () => {
  it("moves through the merchant's queues", () => {
    expect(mtoStatus(facts)).toBe("fitting_pair_to_ship");
    expect(mtoStatus({ ...facts, fittingPairShippedAt: at })).toBe("awaiting_fit");
    expect(mtoStatus({ ...facts, fittingPairShippedAt: at, fitConfirmedAt: at })).toBe(
      "in_production",
    );
    expect(mtoStatus({ ...facts, fitConfirmedAt: at, sizeChange: "needs_merchant" })).toBe(
      "size_change_needed",
    );
    expect(mtoStatus({ ...facts, path: "confirmed_size" })).toBe("in_production");
    expect(mtoStatus({ ...facts, shippedAt: at })).toBe("shipped");
    expect(mtoStatus({ ...facts, shippedAt: at, cancelledAt: at })).toBe("cancelled");
  });
});

describe("made-to-order attention", () => {
  it("names what the merchant must do, and clears once it is done", () => {
    const none = {
      status: "awaiting_fit" as const,
      escalatedAt: null,
      fitConfirmedAt: null,
      fittingPairOverdueAt: null,
      fittingPairReturnedAt: null,
    };
    expect(mtoAttention(none)).toBeNull();
    expect(mtoAttention({ ...none, escalatedAt: at })).toBe("No fit confirmation");
    expect(mtoAttention({ ...none, escalatedAt: at, fitConfirmedAt: at })).toBeNull();
    expect(mtoAttention({ ...none, fittingPairOverdueAt: at })).toBe("Fitting pair not returned");
    expect(
      mtoAttention({ ...none, fittingPairOverdueAt: at, fittingPairReturnedAt: at }),
    ).toBeNull();
    expect(mtoAttention({ ...none, status: "size_change_needed" })).toBe("Size change to make");
  });
});

describe("made-to-order promise inputs", () => {
  it("skips the fitting only for the confirmed size and width, when the policy allows", () => {
    const profile: FitProfile = {
      size: "8",
      width: "Medium",
      source: "fitting",
      at: at.toISOString(),
      confirmed: true,
    };
    const allow = { skipFittingWhenSizeConfirmed: true };
    expect(sizeIsConfirmed(profile, { size: "8", width: "Medium" }, allow)).toBe(true);
    expect(sizeIsConfirmed(profile, { size: "8", width: "Wide" }, allow)).toBe(false);
    expect(sizeIsConfirmed(profile, { size: "8.5", width: "Medium" }, allow)).toBe(false);
    expect(
      sizeIsConfirmed({ ...profile, confirmed: false }, { size: "8", width: "Medium" }, allow),
    ).toBe(false);
    expect(
      sizeIsConfirmed(
        profile,
        { size: "8", width: "Medium" },
        { skipFittingWhenSizeConfirmed: false },
      ),
    ).toBe(false);
    expect(sizeIsConfirmed(null, { size: "8", width: "Medium" }, allow)).toBe(false);
  });

  it("counts the fitting pair's trip from the destination's shipping tier", () => {
    const doc = defaultPolicy();
    const us = doc.shipping.tiers.find((t) => t.countries.includes("US"))!;
    const terms = caseTerms(doc, "US");
    expect(terms.fittingDeliveryBusinessDays).toBe(
      doc.shipping.inStockShipBusinessDays.max + us.deliveryBusinessDays.max,
    );
    expect(terms.leadDays).toBe(doc.madeToOrder.leadDays);
    expect(terms.calendar.holidays).toEqual(doc.shipping.holidays.map((h) => h.date));
    // An unknown destination falls back to the first tier rather than guessing zero days.
    expect(caseTerms(doc, "ZZ").fittingDeliveryBusinessDays).toBe(
      doc.shipping.inStockShipBusinessDays.max + doc.shipping.tiers[0]!.deliveryBusinessDays.max,
    );
  });
});
