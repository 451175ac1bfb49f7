import { describe, expect, it } from "vitest";
import { weekdayOf } from "~/domain/calendar";
import {
  productionShipDate,
  promisedShipDate,
  scheduledShipDate,
  type LeadTerms,
} from "./ship-date";

// Made-to-order dates (issue 5's domain): 14 days of production from the day the size is known,
// seasonal overrides the production period runs into, the shop's business days and holidays.

const LUNAR = {
  name: "Lunar New Year 2027",
  start: "2027-01-25",
  end: "2027-02-20",
  extraDays: 14,
  message: "Our factory closes for Lunar New Year.",
};
const TERMS: LeadTerms = {
  leadDays: 14,
  seasonalOverrides: [LUNAR],
  calendar: {
    businessDays: ["MON", "TUE", "WED", "THU", "FRI"],
    holidays: ["2026-12-25", "2027-01-01"],
  },
};

const promise = (orderDate: string, sizeConfirmed: boolean) =>
  promisedShipDate({ orderDate, sizeConfirmed, fittingDeliveryBusinessDays: 5 }, TERMS);

describe("made-to-order ship dates", () => {
  it("counts 14 days from the order for a confirmed size and ships on a business day", () => {
    expect(productionShipDate("2026-11-23", TERMS)).toMatchObject({
      shipDate: "2026-12-07",
      leadDays: 14,
      override: null,
    });
    // Production done on a Saturday: ships Monday.
    expect(productionShipDate("2026-11-21", TERMS).shipDate).toBe("2026-12-07");
    // Done on Christmas (a holiday, a Friday): ships the Monday after.
    expect(productionShipDate("2026-12-11", TERMS).shipDate).toBe("2026-12-28");
    expect(weekdayOf("2026-12-28")).toBe("MON");
  });

  it("adds a seasonal override the production period runs into, with its message", () => {
    // Ordered during Lunar New Year.
    expect(productionShipDate("2027-01-30", TERMS)).toMatchObject({
      shipDate: "2027-03-01",
      leadDays: 28,
      override: { name: "Lunar New Year 2027", extraDays: 14 },
    });
    // Ordered before it, but production would run into it.
    expect(productionShipDate("2027-01-15", TERMS)).toMatchObject({
      shipDate: "2027-02-12",
      leadDays: 28,
    });
    // Done before it starts: no override.
    expect(productionShipDate("2027-01-05", TERMS)).toMatchObject({
      shipDate: "2027-01-19",
      override: null,
    });
  });

  it("promises the fitting path from the day the fitting pair should have arrived", () => {
    const promised = promise("2026-11-23", false);
    expect(promised).toMatchObject({
      path: "fitting_first",
      expectedConfirmationDate: "2026-11-30",
      shipDate: "2026-12-14",
    });
    const known = promise("2026-11-23", true);
    expect(known).toMatchObject({
      path: "confirmed_size",
      expectedConfirmationDate: null,
      shipDate: "2026-12-07",
    });
  });

  it("reschedules from the actual confirmation, under the terms promised at order time", () => {
    const promised = promise("2027-01-05", false);
    // Counting on confirmation 2027-01-12, production would run into Lunar New Year.
    expect(promised).toMatchObject({
      expectedConfirmationDate: "2027-01-12",
      shipDate: "2027-02-09",
      leadDays: 28,
    });
    // Confirmed a week late, inside the override.
    expect(scheduledShipDate("2027-02-01", TERMS)).toMatchObject({ shipDate: "2027-03-01" });
    // The merchant lengthened lead time after the order: the order keeps its 14 days.
    const later: LeadTerms = { ...TERMS, leadDays: 21, seasonalOverrides: [] };
    expect(scheduledShipDate("2026-12-01", TERMS).shipDate).toBe("2026-12-15");
    expect(scheduledShipDate("2026-12-01", later).shipDate).toBe("2026-12-22");
  });
});
