import { describe, expect, it } from "vitest";
import { defaultPolicy } from "~/domain/policy/defaults";
import { isMadeToOrderProduct, madeToOrderShipDate } from "./exchange-options.server";
import { normalizeOrderName, signGuestToken, verifyGuestToken } from "./portal-access.server";

// The portal's own pure pieces: the guest token, order numbers as typed, and the made-to-order
// date a sold-out exchange size is offered with.

const SHOP = "a.myshopify.com";
const AT = new Date("2026-12-01T15:00:00Z");

describe("guest token", () => {
  it("opens its one order of its one shop until it expires", () => {
    const token = signGuestToken(SHOP, "order-1", AT, "secret");
    expect(verifyGuestToken(SHOP, token, AT, "secret")).toBe("order-1");
    expect(verifyGuestToken("b.myshopify.com", token, AT, "secret")).toBeNull();
    expect(verifyGuestToken(SHOP, token, AT, "other-secret")).toBeNull();
    expect(verifyGuestToken(SHOP, token.replace("order-1", "order-2"), AT, "secret")).toBeNull();
    expect(
      verifyGuestToken(SHOP, token, new Date(AT.getTime() + 3 * 3_600_000), "secret"),
    ).toBeNull();
    expect(verifyGuestToken(SHOP, "order-1", AT, "secret")).toBeNull();
  });
  it("reads order numbers however they are typed", () => {
    expect(normalizeOrderName(" 1001 ")).toBe("#1001");
    expect(normalizeOrderName("# 1001")).toBe("#1001");
  });
});

describe("made-to-order exchange date", () => {
  const doc = defaultPolicy();
  it("is the lead time from today, on the next business day", () => {
    const date = madeToOrderShipDate(doc, "2026-12-01");
    expect(date >= "2026-12-15").toBe(true);
    expect(["SAT", "SUN"]).not.toContain(
      ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"][new Date(`${date}T12:00:00Z`).getUTCDay()],
    );
  });
  it("is offered only for the policy's made-to-order products", () => {
    const tags = doc.madeToOrder.eligibleProductTags;
    expect(isMadeToOrderProduct(doc, tags.slice(0, 1))).toBe(
      tags.length > 0 && doc.madeToOrder.enabled,
    );
    expect(isMadeToOrderProduct(doc, ["no-such-tag"])).toBe(false);
  });
});
