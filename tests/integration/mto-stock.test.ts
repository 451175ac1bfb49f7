import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { runCheckoutValidations } from "../sandbox/functions";
import { TRIAL_SHOP, advanceDays, flush, startTrialSandbox } from "../support/trial-scenario";
import { setupMtoShop } from "../support/mto-scenario";

// Sold-out sizes are sold made to order, and only so: the publish sweep lets made-to-order
// products sell out of stock and marks the sold-out variants; the checkout validation refuses a
// marked variant without the made-to-order option; inventory_levels/update keeps marks in step.

const context = startTrialSandbox();

const flag = (variantId: string) =>
  context.store.shop(TRIAL_SHOP).metafields.get(`${variantId}|fitting_room|made_to_order_only`)
    ?.value;

describe("made-to-order stock", () => {
  it("marks sold-out sizes, refuses them at checkout without the option, and follows stock", async () => {
    const { planGid } = await setupMtoShop(context);
    // The publish job leaves the catalogue sweep for a minute later.
    await advanceDays(context, 1 / 1440 + 1 / 86_400);
    const shop = context.store.shop(TRIAL_SHOP);
    const straps = shop.products.find((p) => p.handle === "dressy-straps")!;
    const flats = shop.products.find((p) => p.handle === "forever-flat")!;
    const soldOut = straps.variants.find((v) => v.size === "8" && v.width === "Medium")!;
    const inStock = flats.variants.find((v) => v.size === "8" && v.width === "Medium")!;
    expect(soldOut.inventoryQuantity).toBe(0);
    expect(flag(soldOut.id)).toBe("true");
    expect(flag(inStock.id)).toBeUndefined();
    // A sold-out made-to-order size may be sold out of stock (Shopify would refuse it otherwise);
    // sizes in stock, and products not made to order, keep Shopify's default.
    expect(straps.variants.every((v) => v.inventoryPolicy === "CONTINUE")).toBe(true);
    expect(inStock.inventoryPolicy ?? "DENY").toBe("DENY");
    const fitting = shop.products.find((p) => p.handle === "fitting-pair")!;
    expect(fitting.variants.some((v) => v.inventoryPolicy === "CONTINUE")).toBe(false);
    // A sale that leaves stock costs no Admin call: no stock job at all.
    const stockJobs = () => prisma.job.count({ where: { type: "mto.stock" } });
    const before = await stockJobs();
    context.sandbox.lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      lines: [{ variantId: inStock.id, quantity: 1 }],
    });
    await flush(context);
    expect(await stockJobs()).toBe(before);

    const checkout = (variantId: string, sellingPlanId: string | null) =>
      runCheckoutValidations(shop, {
        lines: [{ variantId, sellingPlanId, quantity: 1 }],
        countryCode: "US",
      });
    expect(await checkout(soldOut.id, null)).toEqual([
      'Dressy Straps in 8 / Medium is sold out: choose "Made to order" on its product page.',
    ]);
    expect(await checkout(soldOut.id, planGid)).toEqual([]);
    expect(await checkout(inStock.id, null)).toEqual([]);

    // The last pairs of a size sell: its stock webhook marks it.
    context.sandbox.lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      lines: [{ variantId: inStock.id, quantity: inStock.inventoryQuantity }],
    });
    expect(inStock.inventoryQuantity).toBe(0);
    await flush(context);
    expect(flag(inStock.id)).toBe("true");
    expect(inStock.inventoryPolicy).toBe("CONTINUE");
    expect(await checkout(inStock.id, null)).toHaveLength(1);
  });
});
