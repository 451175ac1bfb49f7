import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { defaultPolicy } from "~/domain/policy/defaults";
import { sectionFormValues } from "~/domain/policy/form";
import { getCurrentPolicy, savePolicySection } from "~/services/policy.server";
import { trialDueAfterDays } from "~/features/trial/index.server";
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
    const trialGroups = () =>
      shop.sellingPlanGroups.filter((g) => g.merchantCode === "fitting-room-trial");
    expect(trialGroups()).toHaveLength(1);
    const group = trialGroups()[0]!;
    // Made-to-order's own PRE_ORDER group, paid in full at checkout, on the made-to-order tag.
    const mto = shop.sellingPlanGroups.find(
      (g) => g.merchantCode === "fitting-room-made-to-order",
    )!;
    expect(mto.plans[0]).toMatchObject({
      category: "PRE_ORDER",
      billingPolicy: {
        fixed: { checkoutCharge: { type: "PERCENTAGE", value: { percentage: 100 } } },
      },
      deliveryPolicy: { fixed: { fulfillmentTrigger: "UNKNOWN" } },
    });
    expect(mto.productIds.sort()).toEqual(
      shop.products
        .filter((p) => p.tags.includes("made-to-order"))
        .map((p) => p.id)
        .sort(),
    );
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
    expect(trialGroups()).toHaveLength(1);
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
      "sellingPlanGroup.create", // made-to-order's, once; later trial saves leave it alone
      "sellingPlanGroup.update",
      "sellingPlanGroup.addProducts",
      "sellingPlanGroup.removeProducts",
    ]);
  });

  it("creates the checkout rules and the sandbox's checkout runs the Function with them", async () => {
    seedDemoStore(sandbox.store, SHOP);
    await installShop(sandbox.store, SHOP);
    await getCurrentPolicy(SHOP);
    await save({ maxPairs: "2" });
    await runJobs();
    const shop = sandbox.store.shop(SHOP);
    // The $25 box fee is its own product, priced from the policy.
    const fee = shop.products.find((p) => p.productType === "Fee")!;
    expect(fee.variants[0]!.price).toBe(2500);
    expect(shop.validations).toEqual([
      expect.objectContaining({
        functionHandle: "trial-validation",
        enabled: true,
        metafields: [
          {
            namespace: "fitting_room",
            key: "trial_rules",
            type: "json",
            value: JSON.stringify({
              countries: ["US"],
              maxPairs: 2,
              allowRegularItemsInTrialCart: false,
              feeVariantId: fee.variants[0]!.id,
              eligibleProductIds: [],
            }),
          },
          // The Function's input variables: the policy's eligible tags for `hasAnyTag`.
          {
            namespace: "fitting_room",
            key: "trial_input",
            type: "json",
            value: JSON.stringify({ trialTags: ["classic-pump"] }),
          },
        ],
      }),
    ]);
    const plan = shop.sellingPlanGroups[0]!.plans[0]!;
    const heels = shop.products.find((p) => p.handle === "little-black-heels")!;
    const flats = shop.products.find((p) => p.handle === "forever-flat")!;
    const add = async (cookie: string, variantId: string, sellingPlan: string | null) => {
      const body = new URLSearchParams({
        id: variantId,
        ...(sellingPlan ? { selling_plan: sellingPlan } : {}),
      });
      const response = await sandbox.sandbox.handle(
        new Request(`${sandbox.url}/store/cart/add`, { method: "POST", body, headers: { cookie } }),
      );
      return response.headers.get("set-cookie")!.split(";")[0]!;
    };
    const checkout = async (cookie: string, country: string) =>
      (
        await sandbox.sandbox.handle(
          new Request(`${sandbox.url}/store/checkout`, {
            method: "POST",
            body: new URLSearchParams({ country }),
            headers: { cookie },
          }),
        )
      ).text();
    const planId = plan.id.split("/").pop()!;
    let cart = await add("", heels.variants[4]!.legacyId, planId);
    cart = await add(cart, heels.variants[8]!.legacyId, planId);
    expect(await checkout(cart, "US")).toContain("needs its trial box fee");
    cart = await add(cart, fee.variants[0]!.legacyId, null);
    expect(await checkout(cart, "CA")).toContain("The home trial ships to US only");
    const three = await add(cart, heels.variants[12]!.legacyId, planId);
    expect(await checkout(three, "US")).toContain("A trial box holds up to 2 pairs");
    const mixed = await add(cart, flats.variants[4]!.legacyId, null);
    expect(await checkout(mixed, "US")).toContain("Trial pairs check out on their own");
    // A forged cart (the cookie written by hand) with the trial plan on a flat: the Function
    // refuses it (the sandbox's checkout would too: the plan is not offered on flats).
    const lines = JSON.parse(Buffer.from(cart.split("=")[1]!, "base64url").toString()) as {
      variantId: string;
      sellingPlanId: string | null;
      quantity: number;
    }[];
    const forged = `sandbox_cart=${Buffer.from(
      JSON.stringify([
        ...lines.slice(0, 1),
        { variantId: flats.variants[4]!.id, sellingPlanId: plan.id, quantity: 1 },
        ...lines.slice(2),
      ]),
    ).toString("base64url")}`;
    expect(await checkout(forged, "US")).toContain(`${flats.title} can't be tried at home`);
    expect(shop.orders).toHaveLength(0);
    expect(await checkout(cart, "US")).toContain("Thank you!");
    expect(shop.orders).toHaveLength(1);
    expect(shop.orders[0]!.mandateId).not.toBeNull();
  });

  it("keeps the box fee product's price in line with the policy, and stops charging it at 0", async () => {
    seedDemoStore(sandbox.store, SHOP);
    await installShop(sandbox.store, SHOP);
    await getCurrentPolicy(SHOP);
    await save({ boxFee: "25" });
    await runJobs();
    const shop = sandbox.store.shop(SHOP);
    const fee = shop.products.find((p) => p.productType === "Fee")!;
    sandbox.store.setPlan(SHOP, "standard");
    await save({ boxFee: "30" });
    await runJobs();
    expect(fee.variants[0]!.price).toBe(3000);
    sandbox.store.setPlan(SHOP, "standard");
    await save({ boxFee: "0" });
    await runJobs();
    const row = await prisma.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    expect(row.trialFeeVariantGid).toBeNull();
    const rules = JSON.parse(shop.validations[0]!.metafields[0]!.value) as {
      feeVariantId: string | null;
    };
    expect(rules.feeVariantId).toBeNull();
    const published = [...shop.metafields.values()].find((m) => m.key === "policy")!;
    expect(JSON.parse(published.value).trial.feeVariantId).toBeNull();
    expect(
      sandbox.store.ledger
        .filter((e) => /^product\.(create|update|publish)$/.test(e.kind))
        .map((e) => `${e.kind} ${e.amount?.amount ?? ""}`.trim()),
    ).toEqual([
      "product.create 25.00",
      "product.publish",
      "product.update 30.00",
      "product.update 0.00",
    ]);
  });
});
