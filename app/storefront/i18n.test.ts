import { describe, expect, it } from "vitest";
import { formatters } from "./i18n";

describe("storefront formatters", () => {
  it("shows an instant as its day in the shop's zone, and a calendar date as written", () => {
    const ny = formatters("en", "America/New_York");
    // 03:00 UTC on the 5th is still the 4th in New York.
    expect(ny.date("2026-12-05T03:00:00.000Z")).toBe("Dec 4, 2026");
    expect(formatters("en", "Europe/Paris").date("2026-12-05T03:00:00.000Z")).toBe("Dec 5, 2026");
    expect(ny.date("2026-12-19")).toBe("Dec 19, 2026");
    expect(formatters("fr", "Pacific/Auckland").date("2026-12-19")).toBe("19 déc. 2026");
  });
});
