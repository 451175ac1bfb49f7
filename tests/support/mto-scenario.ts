import prisma from "~/db.server";
import { defaultPolicy } from "~/domain/policy/defaults";
import { sectionFormValues } from "~/domain/policy/form";
import { savePolicySection } from "~/services/policy.server";
import { TRIAL_SHOP, flush, setupTrialShop, type startTrialSandbox } from "./trial-scenario";

// A made-to-order shop: the trial shop, with the policy naming the seeded fitting pair product;
// saving the policy runs the real publish job, which creates the PRE_ORDER purchase option on the
// products tagged made-to-order.

type Context = ReturnType<typeof startTrialSandbox>;

export async function setupMtoShop(context: Context, options: { nameFittingPair?: boolean } = {}) {
  await setupTrialShop(context);
  const shop = context.store.shop(TRIAL_SHOP);
  const fittingPair = shop.products.find((p) => p.handle === "fitting-pair")!;
  // Unnamed, the app uses the product tagged fitting-pair (the seeded one is).
  const form = {
    ...sectionFormValues(defaultPolicy(), "madeToOrder"),
    fittingPairProductId: options.nameFittingPair === false ? "" : fittingPair.id,
  };
  const saved = await savePolicySection(TRIAL_SHOP, "madeToOrder", Object.entries(form), "staff");
  if (!saved.ok) throw new Error(`policy not saved: ${JSON.stringify(saved)}`);
  await flush(context);
  // The publish job spent most of the rate-limit bucket on product searches; a throttled job
  // only retries later (sandbox time), so start the scenario with a full bucket.
  context.store.setPlan(TRIAL_SHOP, "standard");
  const { mtoSellingPlanGid } = await prisma.shop.findUniqueOrThrow({
    where: { domain: TRIAL_SHOP },
  });
  if (!mtoSellingPlanGid) throw new Error("the made-to-order purchase option was not created");
  return { planGid: mtoSellingPlanGid, fittingPair };
}

export async function casesFor(orderGid: string) {
  return prisma.mtoCase.findMany({
    where: { shop: TRIAL_SHOP, orderGid },
    include: { events: { orderBy: { occurredAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
}

/** The made-to-order steps Shopify saw for an order, in order (ledger kinds and details). */
export function mtoLedger(context: Context, orderGid: string) {
  return context.store.ledger
    .filter(
      (e) => e.orderGid === orderGid && /^(fulfillment|order\.edit|flow|metafield)/.test(e.kind),
    )
    .map((e) => e.kind);
}
