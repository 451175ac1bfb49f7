import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBusinessDay } from "~/domain/calendar";
import { calendarOf, deliveryEstimate, deliverySchedule, handlingStarts } from "~/domain/delivery";
import { defaultPolicy } from "~/domain/policy/defaults";

// The reference store: New York, Monday to Friday, US holidays; in stock ships in 1–2 business
// days, a trial box in 2–3; the US tier arrives 3–5 business days after shipping.
const shipping = defaultPolicy().shipping;
const at = (iso: string) => new Date(iso);
const estimate = (now: string, country = "US", kind: "in_stock" | "trial" = "in_stock") =>
  deliveryEstimate({ shipping, country, kind, now: at(now), cutOff: "14:00" });

describe("when an order placed now starts", () => {
  it("today before the cut-off, the next business day after it (shop's time)", () => {
    expect(handlingStarts(at("2026-12-08T15:00:00Z"), "14:00", shipping)).toBe("2026-12-08"); // Tue 10:00
    expect(handlingStarts(at("2026-12-08T19:00:00Z"), "14:00", shipping)).toBe("2026-12-09"); // Tue 14:00
    // 03:00 UTC on Wednesday is 22:00 on Tuesday in New York: past Tuesday's cut-off.
    expect(handlingStarts(at("2026-12-09T03:00:00Z"), "14:00", shipping)).toBe("2026-12-09");
    expect(handlingStarts(at("2026-12-09T03:00:00Z"), "23:00", shipping)).toBe("2026-12-08");
  });

  it("on Monday for a Friday order after the cut-off, and for any weekend order", () => {
    expect(handlingStarts(at("2026-12-11T20:00:00Z"), "14:00", shipping)).toBe("2026-12-14");
    expect(handlingStarts(at("2026-12-12T14:00:00Z"), "14:00", shipping)).toBe("2026-12-14");
    expect(handlingStarts(at("2026-12-13T04:30:00Z"), "14:00", shipping)).toBe("2026-12-14");
  });

  it("after a holiday (Christmas Friday → Monday)", () => {
    expect(handlingStarts(at("2026-12-24T20:00:00Z"), "14:00", shipping)).toBe("2026-12-28");
    expect(handlingStarts(at("2026-12-25T15:00:00Z"), "14:00", shipping)).toBe("2026-12-28");
  });

  it("refuses a cut-off that is not HH:MM", () => {
    for (const cutOff of ["2pm", "24:00", "9:00", ""])
      expect(() => handlingStarts(at("2026-12-08T15:00:00Z"), cutOff, shipping)).toThrow(/cutOff/);
  });
});

describe("the dated estimate for a visitor's country", () => {
  it("in stock: ships in 1–2 business days, arrives 3–5 business days later", () => {
    expect(estimate("2026-12-08T15:00:00Z")).toEqual({
      ships: true,
      tier: "United States",
      cost: { amount: 0, currency: "USD" },
      startsOn: "2026-12-08",
      shipFrom: "2026-12-09",
      shipBy: "2026-12-10",
      arriveFrom: "2026-12-14",
      arriveBy: "2026-12-17",
    });
  });

  it("a trial box ships in 2–3 business days", () => {
    expect(estimate("2026-12-08T15:00:00Z", "US", "trial")).toMatchObject({
      shipFrom: "2026-12-10",
      shipBy: "2026-12-11",
    });
  });

  it("skips the holidays in handling and transit", () => {
    expect(estimate("2026-12-24T15:00:00Z")).toMatchObject({
      startsOn: "2026-12-24",
      shipFrom: "2026-12-28",
      shipBy: "2026-12-29",
      // Transit from Tuesday 29 December over New Year's Day (Friday): 5 business days.
      arriveBy: "2027-01-06",
    });
  });

  it("reads the tier of the country, in any case, and says where the store does not ship", () => {
    const other = shipping.tiers.find((t) => !t.countries.includes("US"))!;
    const country = other.countries[0]!;
    expect(estimate("2026-12-08T15:00:00Z", country.toLowerCase())).toMatchObject({
      ships: true,
      tier: other.name,
      cost: other.estimatedCost,
    });
    expect(estimate("2026-12-08T15:00:00Z", "BR")).toEqual({ ships: false, country: "BR" });
  });

  it("property: every date is a business day, in order, and never earlier for a later order", () => {
    const calendar = calendarOf(shipping);
    const start = at("2026-11-01T00:00:00Z").getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        fc.constantFrom("in_stock" as const, "trial" as const),
        (minutes, later, kind) => {
          const a = deliveryEstimate({
            shipping,
            country: "US",
            kind,
            now: new Date(start + minutes * 60_000),
            cutOff: "14:00",
          });
          const b = deliveryEstimate({
            shipping,
            country: "US",
            kind,
            now: new Date(start + (minutes + later) * 60_000),
            cutOff: "14:00",
          });
          if (!a.ships || !b.ships) throw new Error("the US ships");
          const dates = [a.startsOn, a.shipFrom, a.shipBy, a.arriveFrom, a.arriveBy];
          for (const d of dates) expect(isBusinessDay(d, calendar)).toBe(true);
          expect([...dates].sort()).toEqual(dates);
          expect(a.shipFrom > a.startsOn).toBe(true);
          expect(b.arriveBy >= a.arriveBy).toBe(true);
        },
      ),
    );
  });
});

describe("the cut-off after the clocks change", () => {
  it("is read on the wall clock with the offset in force (New York on EDT from 8 March 2026)", () => {
    // 18:30 UTC on Monday 9 March is 14:30 EDT: past a 14:00 cut-off (13:30 on winter time).
    expect(handlingStarts(at("2026-03-09T18:30:00Z"), "14:00", shipping)).toBe("2026-03-10");
    expect(handlingStarts(at("2026-03-09T17:30:00Z"), "14:00", shipping)).toBe("2026-03-09");
  });
});

describe("the schedule the product page reads (published metafield)", () => {
  const from = at("2026-12-07T12:00:00Z");
  const schedule = deliverySchedule(shipping, from, 21);
  const pick = (instant: Date) =>
    schedule.stretches.find((s) => s.until > instant.getTime() / 1000) ?? null;

  it("splits each business day at the cut-off and merges a weekend into one stretch", () => {
    const tue = pick(at("2026-12-08T18:59:00Z"));
    expect(tue).toMatchObject({ startsOn: "2026-12-08", shipBy: "2026-12-10" });
    expect(pick(at("2026-12-08T19:00:00Z"))).toMatchObject({ startsOn: "2026-12-09" });
    // Friday after 14:00 New York until Monday 14:00: one stretch starting Monday.
    const weekend = pick(at("2026-12-11T19:00:00Z"));
    expect(weekend).toMatchObject({
      startsOn: "2026-12-14",
      until: Date.parse("2026-12-14T19:00:00Z") / 1000,
    });
    expect(pick(at("2026-12-13T23:00:00Z"))).toBe(weekend);
  });

  it("holds one arrival range per tier, in the tiers' order", () => {
    expect(schedule.tiers.map((t) => t.name)).toEqual(shipping.tiers.map((t) => t.name));
    expect(pick(at("2026-12-08T15:00:00Z"))?.arrive[0]).toEqual(["2026-12-14", "2026-12-17"]);
  });

  it("refuses a cut-off that is not HH:MM", () => {
    expect(() => deliverySchedule({ ...shipping, dailyCutOff: "2pm" }, from, 3)).toThrow(/cutOff/);
  });

  it("gives, at every instant it covers and for every country, what deliveryEstimate gives", () => {
    const countries = shipping.tiers.flatMap((t) => t.countries);
    const last = schedule.stretches[schedule.stretches.length - 1]!.until * 1000;
    fc.assert(
      fc.property(
        fc.integer({ min: from.getTime(), max: last - 1 }),
        fc.constantFrom(...countries),
        (ms, country) => {
          const now = new Date(ms);
          const stretch = pick(now)!;
          const index = schedule.tiers.findIndex((t) => t.countries.includes(country));
          const order = estimate(now.toISOString(), country);
          if (!order.ships) throw new Error("every listed country ships");
          expect(stretch.startsOn).toBe(order.startsOn);
          expect([stretch.shipFrom, stretch.shipBy]).toEqual([order.shipFrom, order.shipBy]);
          expect(stretch.arrive[index]).toEqual([order.arriveFrom, order.arriveBy]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keeps the wall-clock cut-off on the day clocks change (Sydney, first Sunday of April)", () => {
    const sydney = {
      ...shipping,
      timezone: "Australia/Sydney",
      businessDays: [...shipping.businessDays, "SUN"],
    };
    const s = deliverySchedule(sydney, at("2027-04-03T00:00:00Z"), 2);
    // 14:00 on Sunday 4 April 2027 in Sydney is 04:00 UTC (AEST, +10) after the change.
    expect(s.stretches.some((x) => x.until === Date.parse("2027-04-04T04:00:00Z") / 1000)).toBe(
      true,
    );
  });
});
