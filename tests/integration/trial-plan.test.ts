import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  TRIAL_SHOP,
  advanceDays,
  flush,
  ledgerFor,
  setupTrialShop,
  startTrialSandbox,
  trialOrderInput,
} from "../support/trial-scenario";

// Issue 15: a shop that moves between Standard and Plus after install. The hold and the charge
// follow the plan the shop is on when the money moves (shop/update, and a fresh read of the plan
// before each payment), not the plan it had at install or when the trial opened.

const context = startTrialSandbox();

async function changePlan(plan: "standard" | "plus") {
  const response = await fetch(`${context.url}/__sandbox/plan`, {
    method: "POST",
    body: JSON.stringify({ shop: TRIAL_SHOP, plan }),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ plan, changed: true });
  await flush(context);
}

const shopPlus = async () =>
  (await prisma.shop.findUniqueOrThrow({ where: { domain: TRIAL_SHOP } })).shopifyPlus;

/** What the storefront (theme blocks, checkout) is told about the hold, as last published. */
function holdIsOrderValue() {
  const policy = [...context.store.shop(TRIAL_SHOP).metafields.values()].find(
    (m) => m.namespace === "fitting_room" && m.key === "policy",
  );
  return policy
    ? (JSON.parse(policy.value) as { trial: { holdIsOrderValue: boolean } }).trial.holdIsOrderValue
    : null;
}

describe("a shop that changes plan after install", () => {
  it("holds under the plan the shop is on at each payment: Standard, then Plus, then Standard", async () => {
    const { planGid } = await setupTrialShop(context);
    const { lifecycle } = context.sandbox;
    const first = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    // Standard: `amount` is Plus-only, so the hold is the order's outstanding balance.
    expect(ledgerFor(context, first.id)).toEqual(["authorization 490.00"]);

    await changePlan("plus");
    expect(context.sandbox.outbox.deliveries.filter((d) => d.topic === "shop/update")).toHaveLength(
      1,
    );
    expect(await shopPlus()).toBe(true);
    // The storefront's wording of the hold follows the plan too.
    expect(holdIsOrderValue()).toBe(false);

    const second = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    // Plus: the policy's $350, never above the pairs' value.
    expect(ledgerFor(context, second.id)).toEqual(["authorization 350.00"]);

    // The first trial's hold is renewed before it lapses: now under Plus's rule.
    await advanceDays(context, 6);
    expect(ledgerFor(context, first.id)).toEqual([
      "authorization 490.00",
      "authorization 350.00",
      "void 490.00",
    ]);
    const renewed = await prisma.trialPayment.findFirstOrThrow({
      where: { trial: { orderGid: first.id }, kind: "reauthorize" },
    });
    expect(renewed).toMatchObject({ amountMinor: 35000, status: "succeeded" });

    await changePlan("standard");
    expect(await shopPlus()).toBe(false);
    expect(holdIsOrderValue()).toBe(true);
    const third = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    expect(ledgerFor(context, third.id)).toEqual(["authorization 490.00"]);
    // The second trial (opened on Plus, renewed on Plus with the first) renews next under the
    // Standard rule again: no amount, the order's balance.
    await advanceDays(context, 6);
    expect(ledgerFor(context, second.id)).toEqual([
      "authorization 350.00",
      "authorization 350.00",
      "void 350.00",
      "authorization 490.00",
      "void 350.00",
    ]);
    const secondTrial = await prisma.trial.findUniqueOrThrow({
      where: { shop_orderGid: { shop: TRIAL_SHOP, orderGid: second.id } },
    });
    const events = await prisma.trialEvent.findMany({
      where: { trialId: secondTrial.id, kind: "shop.plan" },
    });
    expect(events.map((e) => e.message)).toEqual([
      expect.stringContaining("no longer on Shopify Plus"),
    ]);
  });
});
