import { describe, expect, it } from "vitest";
import { isEligible } from "~/features/trial/eligibility.server";

describe("trial eligibility", () => {
  const rule = { eligibleProductIds: ["gid://shopify/Product/1"], eligibleProductTags: ["Trial"] };
  it("takes a named product, or a tag in any case as Shopify does", () => {
    expect(isEligible({ id: "gid://shopify/Product/1", tags: [] }, rule)).toBe(true);
    expect(isEligible({ id: "gid://shopify/Product/2", tags: ["trial"] }, rule)).toBe(true);
    expect(isEligible({ id: "gid://shopify/Product/2", tags: ["TRIAL "] }, rule)).toBe(true);
    expect(isEligible({ id: "gid://shopify/Product/2", tags: ["flats"] }, rule)).toBe(false);
  });
});
