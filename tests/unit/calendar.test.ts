import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addCalendarDays,
  isBusinessDay,
  isIsoDate,
  localDate,
  rangesOverlap,
  weekdayOf,
  type BusinessCalendar,
} from "~/domain/calendar";

const weekdays: BusinessCalendar = {
  businessDays: ["MON", "TUE", "WED", "THU", "FRI"],
  holidays: ["2026-11-26"],
};

describe("business-day calendar", () => {
  it("knows weekdays and holidays", () => {
    expect(weekdayOf("2026-11-21")).toBe("SAT");
    expect(weekdayOf("2026-11-23")).toBe("MON");
    expect(isBusinessDay("2026-11-26", weekdays)).toBe(false); // Thanksgiving
    expect(isBusinessDay("2026-11-27", weekdays)).toBe(true);
  });

  it("adds business days across weekends and holidays", () => {
    expect(addBusinessDays("2026-11-20", 1, weekdays)).toBe("2026-11-23"); // Fri + 1 → Mon
    expect(addBusinessDays("2026-11-21", 0, weekdays)).toBe("2026-11-23"); // Sat → next business day
    expect(addBusinessDays("2026-11-25", 1, weekdays)).toBe("2026-11-27"); // skips Thanksgiving
    expect(addBusinessDays("2026-11-23", 5, weekdays)).toBe("2026-12-01");
    expect(() => addBusinessDays("2026-11-23", 1, { businessDays: [], holidays: [] })).toThrow();
  });

  it("adds calendar days across month and year ends and DST", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2027-03-13", 1)).toBe("2027-03-14");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("takes the calendar date in the shop's time zone", () => {
    const instant = new Date("2026-11-21T03:30:00Z");
    expect(localDate(instant, "America/New_York")).toBe("2026-11-20");
    expect(localDate(instant, "Asia/Tokyo")).toBe("2026-11-21");
  });

  it("validates dates and overlapping ranges", () => {
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-1-5")).toBe(false);
    expect(
      rangesOverlap(
        { start: "2027-01-01", end: "2027-01-10" },
        { start: "2027-01-10", end: "2027-01-20" },
      ),
    ).toBe(true);
    expect(
      rangesOverlap(
        { start: "2027-01-01", end: "2027-01-09" },
        { start: "2027-01-10", end: "2027-01-20" },
      ),
    ).toBe(false);
  });
});
