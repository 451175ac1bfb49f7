import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { defaultPolicy } from "~/domain/policy/defaults";
import { sectionFormValues } from "~/domain/policy/form";
import { getCurrentPolicy, savePolicySection } from "~/services/policy.server";
import { trialDueAfterDays } from "~/services/purchase-options.server";
import { seedDemoStore } from "../sandbox/seed";
import { startSandbox } from "../support/sandbox";
import { installShop } from "../support/shopify";
import { runJobs } from "../support/worker";

// Saving the trial settings creates, then keeps in line, the TRY_BEFORE_YOU_BUY purchase option
// on the eligible products, through the sandbox's Admin API.

const SHOP = "ally-options.myshopify.com";
const sandbox = startSandbox();

function save(changes: Record<string, string>) {
  const values = { ...sectionFormValues(defaultPolicy(), "trial"), ...changes };
  return savePolicySection(SHOP, "trial", Object.entries(values), "staff");
}

describe("trial purchase option", () => {
  it("creates the group on the tagged products, then updates it and its products", async () => {
    seedDemoStore(sandbox.store, SHOP);
    await installShop(sandbox.store, SHOP);
    await getCurrentPolicy(SHOP);
    await save({ windowDays: "7" });
    await runJobs();
    const shop = sandbox.store.shop(SHOP);
    expect(shop.sellingPlanGroups).toHaveLength(1);
    const group = shop.sellingPlanGroups[0]!;
    const tagged = shop.products.filter((p) => p.tags.includes("classic-pump")).map((p) => p.id);
    expect(group.productIds.sort()).toEqual(tagged.sort());
    expect(group.appId).toBe("fitting-room");
    expect(group.plans[0]).toMatchObject({
      category: "TRY_BEFORE_YOU_BUY",
      billingPolicy: {
        fixed: {
          checkoutCharge: { type: "PRICE", value: { fixedValue: "0" } },
          remainingBalanceChargeTrigger: "TIME_AFTER_CHECKOUT",
          remainingBalanceChargeTimeAfterCheckout: `P${trialDueAfterDays(defaultPolicy().trial)}D`,
        },
      },
    });
    const row = await prisma.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    expect(row).toMatchObject({
      trialSellingPlanGroupGid: group.id,
      trialSellingPlanGid: group.plans[0]!.id,
    });

    // Bridal heels join, the window grows: the same group is updated, no second group.
    await save({ windowDays: "10", eligibleProductTags: "classic-pump, bridal" });
    await runJobs();
    expect(shop.sellingPlanGroups).toHaveLength(1);
    expect(group.plans[0]!.name).toBe("Try at home for 10 days");
    const bridal = shop.products.find((p) => p.handle === "bridal-heels")!.id;
    expect(group.productIds).toContain(bridal);

    // Each sync reads up to 250 products (about 250 cost points): three in a row can be
    // throttled, and the job is retried; a refilled bucket lets it through.
    await save({ windowDays: "10", eligibleProductTags: "bridal" });
    await runJobs();
    sandbox.store.setPlan(SHOP, "standard");
    await prisma.job.updateMany({ where: { status: "queued" }, data: { runAt: new Date(0) } });
    await runJobs();
    expect(group.productIds).toEqual([bridal]);
    expect(
      sandbox.store.ledger.map((e) => e.kind).filter((k) => k.startsWith("sellingPlanGroup")),
    ).toEqual([
      "sellingPlanGroup.create",
      "sellingPlanGroup.update",
      "sellingPlanGroup.addProducts",
      "sellingPlanGroup.removeProducts",
    ]);
  });
});
