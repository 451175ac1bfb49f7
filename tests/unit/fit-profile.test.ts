import { describe, expect, it } from "vitest";
import {
  fitMetafieldValue,
  fitProfile,
  isValidFit,
  sizeAndWidth,
  type FitEvidence,
} from "~/domain/fit-profile";

const e = (
  size: string,
  width: string,
  source: FitEvidence["source"],
  at: string,
): FitEvidence => ({ size, width, source, at });

describe("fit profile", () => {
  it("has none without valid evidence", () => {
    expect(fitProfile([])).toBeNull();
    expect(
      fitProfile([
        e("13", "Medium", "fitting", "2026-11-01T00:00:00Z"),
        e("8", "Huge", "merchant", "2026-11-02T00:00:00Z"),
      ]),
    ).toBeNull();
    expect(isValidFit("7.5", "Extra Wide")).toBe(true);
    expect(isValidFit("7.25", "Wide")).toBe(false);
  });

  it("prefers a fitting or the merchant over a kept pair, and the newest among equals", () => {
    const profile = fitProfile([
      e("8", "Medium", "purchase_kept", "2026-11-20T00:00:00Z"),
      e("7.5", "Wide", "fitting", "2026-10-01T00:00:00Z"),
      e("8", "Wide", "trial_kept", "2026-11-10T00:00:00Z"),
    ]);
    expect(profile).toMatchObject({
      size: "7.5",
      width: "Wide",
      source: "fitting",
      confirmed: true,
    });
    expect(
      fitProfile([
        e("7.5", "Wide", "fitting", "2026-10-01T00:00:00Z"),
        e("8", "Medium", "merchant", "2026-11-01T00:00:00Z"),
      ]),
    ).toMatchObject({ size: "8", source: "merchant" });
  });

  it("counts a pair kept from a trial as a confirmed size, a plain purchase not", () => {
    expect(fitProfile([e("9", "Narrow", "trial_kept", "2026-11-10T00:00:00Z")])?.confirmed).toBe(
      true,
    );
    expect(fitProfile([e("9", "Narrow", "purchase_kept", "2026-11-10T00:00:00Z")])?.confirmed).toBe(
      false,
    );
  });

  it("writes the metafield the storefront reads", () => {
    const profile = fitProfile([e("7.5", "Wide", "fitting", "2026-10-01T00:00:00Z")])!;
    expect(JSON.parse(fitMetafieldValue(profile))).toEqual({
      size: "7.5",
      width: "Wide",
      confirmed: true,
      source: "fitting",
      at: "2026-10-01T00:00:00Z",
    });
  });
});

describe("size and width of a variant", () => {
  it("reads them from a variant title in either order", () => {
    expect(sizeAndWidth("8.5 / Wide")).toEqual({ size: "8.5", width: "Wide" });
    expect(sizeAndWidth("Extra Wide / 10")).toEqual({ size: "10", width: "Extra Wide" });
    expect(sizeAndWidth("Default Title")).toEqual({ size: null, width: null });
    expect(sizeAndWidth(null)).toEqual({ size: null, width: null });
  });
});
