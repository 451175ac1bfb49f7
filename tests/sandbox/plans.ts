import type { SandboxShop, SellingPlanSeed } from "./store";

// What a selling plan means for money at checkout: a plan whose checkout charge is less than the
// full price (a trial's $0) defers the balance onto payment terms and vaults the card; a plan
// charging 100% at checkout (made-to-order) is paid like any line.

export function planById(shop: SandboxShop, id: string | null | undefined): SellingPlanSeed | null {
  if (!id) return null;
  for (const group of shop.sellingPlanGroups)
    for (const plan of group.plans) if (plan.id === id) return plan;
  return null;
}

export function isDeferredPlan(plan: SellingPlanSeed | null): boolean {
  if (!plan) return false;
  const charge = (
    plan.billingPolicy as {
      fixed?: { checkoutCharge?: { type?: string; value?: { percentage?: number } } };
    } | null
  )?.fixed?.checkoutCharge;
  return !(charge?.type === "PERCENTAGE" && Number(charge.value?.percentage) >= 100);
}
