import type { MadeToOrderPolicy } from "~/domain/policy/schema";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { now } from "~/platform/clock.server";
import type { CurrentPolicy } from "~/services/policy.server";
import { eligibleProductQuery, syncSellingPlanGroup } from "~/services/selling-plans.server";
import { MTO_STOCK_JOB } from "./stock.server";

// Made-to-order's purchase option on Shopify: a PRE_ORDER selling plan group on the products the
// policy names, paid in full at checkout, shipped only when the app schedules it.

export const MTO_APP_ID = "fitting-room-mto";

/** The made-to-order option: paid in full at checkout, shipped when the app schedules it. */
export function madeToOrderPlanInput(mto: MadeToOrderPolicy) {
  return {
    name: `Made to order: ships about ${mto.leadDays} days after your size is confirmed`,
    category: "PRE_ORDER" as const,
    options: ["Made to order"],
    description:
      "Made for you in this size. If we don't know your size yet, a fitting pair comes first; production starts once you confirm the fit.",
    billingPolicy: {
      fixed: {
        checkoutCharge: { type: "PERCENTAGE" as const, value: { percentage: 100 } },
        remainingBalanceChargeTrigger: "NO_REMAINING_BALANCE" as const,
      },
    },
    // The app sets the date (fit first, then production): Shopify must not ship on its own.
    deliveryPolicy: { fixed: { fulfillmentTrigger: "UNKNOWN" as const } },
    inventoryPolicy: { reserve: "ON_FULFILLMENT" as const },
    metafields: [
      { namespace: "fitting_room", key: "made_to_order", type: "boolean", value: "true" },
    ],
  };
}

export function syncMadeToOrderPurchaseOption(
  shop: string,
  mto: MadeToOrderPolicy,
  graphql: AdminGraphql,
) {
  return syncSellingPlanGroup(
    shop,
    {
      columns: {
        group: "mtoSellingPlanGroupGid",
        plan: "mtoSellingPlanGid",
        digest: "mtoSellingPlanDigest",
      },
      enabled: mto.enabled,
      productQuery: eligibleProductQuery(mto),
      plan: madeToOrderPlanInput(mto),
      name: "Made to order",
      merchantCode: "fitting-room-made-to-order",
      appId: MTO_APP_ID,
      options: ["Made to order"],
    },
    graphql,
  );
}

/** Made-to-order's part of publishing a policy: the purchase option, then the stock marks. */
export async function syncMadeToOrderShopify(
  shop: string,
  policy: CurrentPolicy,
  graphql: AdminGraphql,
) {
  const madeToOrder = await syncMadeToOrderPurchaseOption(
    shop,
    policy.document.madeToOrder,
    graphql,
  );
  // The stock sweep reads the whole made-to-order catalogue: a job of its own, a minute later,
  // so publishing the policy is not held up behind it.
  await enqueue({
    type: MTO_STOCK_JOB,
    shop,
    payload: { sweepVersion: policy.version },
    idempotencyKey: `mto-stock:sweep:${policy.version}`,
    runAt: new Date(now().getTime() + 60_000),
  });
  return { madeToOrder };
}
