import { describe, expect, it } from "vitest";
import { startOfLocalDay } from "~/domain/calendar";
import { trialDay, trialWindow } from "./window";

import { NY, at } from "./test-fixtures";

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
