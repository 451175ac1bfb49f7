// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/purchase.checkout.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { trialTerms } from "../src/terms";

// The checkout block with Shopify's own extension tester: mock `shopify` global, real render.

const extension = getExtension("purchase.checkout.block.render");
const PLAN = "gid://shopify/SellingPlan/77";
const policy = {
  trial: {
    enabled: true,
    sellingPlanId: PLAN,
    boxFee: { amount: 2500, currency: "USD" },
    holdAmount: { amount: 35000, currency: "USD" },
    holdIsOrderValue: false,
    windowDays: 7,
    feeVariantId: "gid://shopify/ProductVariant/25",
  },
};

function cartLine(id: number, sellingPlanId: string | null) {
  return {
    id: `gid://shopify/CartLine/${id}`,
    quantity: 1,
    cost: { totalAmount: { amount: 245, currencyCode: "USD" } },
    attributes: [],
    discountAllocations: [],
    lineComponents: [],
    merchandise: {
      type: "variant",
      id: `gid://shopify/ProductVariant/${id}`,
      title: "Little Black Heels",
      subtitle: "7.5 / Medium",
      selectedOptions: [],
      requiresShipping: true,
      product: { id: `gid://shopify/Product/${id}`, vendor: "ALLY", productType: "Heels" },
      sellingPlan: sellingPlanId ? { id: sellingPlanId, recurringDeliveries: false } : undefined,
    },
  } as unknown as (typeof extension.shopify.lines.value)[number];
}

function withPolicy(value: unknown) {
  return [
    {
      target: { type: "shop" as const, id: "gid://shopify/Shop/1" },
      metafield: {
        namespace: "$app:fitting_room",
        key: "policy",
        value: JSON.stringify(value),
        type: "json",
      },
    },
  ] as unknown as typeof extension.shopify.appMetafields.value;
}

describe("checkout trial terms", () => {
  beforeEach(() => extension.setUp());
  afterEach(() => extension.tearDown());

  it("states the fee, the hold, that the days start at delivery and when the charge happens", async () => {
    extension.shopify.appMetafields.value = withPolicy(policy);
    extension.shopify.lines.value = [cartLine(1, PLAN), cartLine(2, PLAN)];
    await extension.render();
    const banner = document.body.querySelector("s-banner")!;
    expect(banner.getAttribute("heading")).toBe("Your home trial (2 pairs)");
    const text = [...document.body.querySelectorAll("s-text")].map((t) => t.textContent);
    expect(text).toHaveLength(4);
    expect(text[0]).toMatch(/^Trial box fee: .*25/);
    expect(text[1]).toMatch(/hold of up to .*350/);
    expect(text[2]).toBe(
      "Your 7 days start the day your box is delivered; shipping days don't count.",
    );
    expect(text[3]).toMatch(/^The day after your 7th day, we charge only for the pairs you keep/);
  });

  it("shows nothing when the cart has no trial pairs or the policy is missing", async () => {
    extension.shopify.appMetafields.value = withPolicy(policy);
    extension.shopify.lines.value = [cartLine(1, null)];
    await extension.render();
    expect(document.body.querySelector("s-banner")).toBeNull();
  });
});

describe("trial terms wording", () => {
  const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
  it("says the hold is the pairs' value where the plan cannot choose it", () => {
    const terms = trialTerms(
      {
        trial: { ...policy.trial, holdIsOrderValue: true, boxFee: { amount: 0, currency: "USD" } },
      },
      [PLAN],
      money,
    );
    expect(terms?.lines[0]).toMatch(/hold for the pairs' value/);
    expect(terms?.lines).toHaveLength(3);
  });
  it("states no fee while the fee is not a line of the cart", () => {
    const terms = trialTerms({ trial: { ...policy.trial, feeVariantId: null } }, [PLAN], money);
    expect(terms?.lines.some((l) => l.includes("fee"))).toBe(false);
  });
  it("is silent when the trial is off or not configured", () => {
    expect(trialTerms({ trial: { ...policy.trial, enabled: false } }, [PLAN], money)).toBeNull();
    expect(trialTerms(null, [PLAN], money)).toBeNull();
    expect(
      trialTerms({ trial: { ...policy.trial, sellingPlanId: null } }, [PLAN], money),
    ).toBeNull();
  });
});
