import { throttled } from "~/platform/admin/throttle.server";
import { unauthenticated } from "~/shopify.server";
import { getCurrentPolicy, publishStorefrontPolicy } from "~/services/policy.server";
import { syncShopDetails } from "~/platform/shops.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import {
  syncMadeToOrderPurchaseOption,
  syncTrialFee,
  syncTrialPurchaseOption,
  syncTrialValidation,
} from "~/services/purchase-options.server";
import { advanceTrial } from "~/features/trial/advance.server";
import { advanceMtoCase } from "~/features/made-to-order/advance.server";
import { sweepMadeToOrderStock, syncVariantStock } from "~/features/made-to-order/stock.server";
import { processWebhookDelivery } from "~/platform/webhooks/process.server";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { now } from "~/platform/clock.server";
import type { JobContext, JobHandler, JobType } from "~/platform/jobs/types";

function requireShop(context: JobContext): string {
  if (!context.shop) throw new TerminalJobError(`job ${context.job.type} has no shop`);
  return context.shop;
}

/** Only the newest policy shapes the purchase option: an older job must not undo a newer one. */
async function syncPurchaseOptions(shop: string, version: number, graphql: AdminGraphql) {
  const current = await getCurrentPolicy(shop);
  if (current.version !== version) return { skipped: `version ${version} is not current` };
  const purchaseOption = await syncTrialPurchaseOption(shop, current.document.trial, graphql);
  const fee = await syncTrialFee(shop, current.document.trial, graphql);
  // After the fee: the checkout rules name the fee's variant as allowed beside trial pairs.
  const checkoutRules = await syncTrialValidation(
    shop,
    current.document.trial,
    graphql,
    current.document.madeToOrder.enabled,
  );
  const madeToOrder = await syncMadeToOrderPurchaseOption(
    shop,
    current.document.madeToOrder,
    graphql,
  );
  // The stock sweep reads the whole made-to-order catalogue: a job of its own, a minute later,
  // so publishing the policy is not held up behind it.
  await enqueue({
    type: "mto.stock",
    shop,
    payload: { sweepVersion: version },
    idempotencyKey: `mto-stock:sweep:${version}`,
    runAt: new Date(now().getTime() + 60_000),
  });
  return { purchaseOption, fee, checkoutRules, madeToOrder };
}

async function adminFor(shop: string) {
  // Throws SessionNotFoundError (terminal) when the shop has uninstalled the app.
  const { admin } = await unauthenticated.admin(shop);
  // Jobs run by the thousand: pace them to the shop's rate limit instead of being throttled.
  return throttled(shop, admin.graphql);
}

export const jobHandlers: Record<JobType, JobHandler> = {
  "webhook.process": async (context) => {
    const { deliveryId } = context.payload as { deliveryId: string };
    await processWebhookDelivery(deliveryId, context.log);
  },
  "policy.publish": async (context) => {
    const shop = requireShop(context);
    const { version } = context.payload as { version: number };
    const graphql = await adminFor(shop);
    // Purchase option first: the published policy names its selling plan for checkout.
    const purchaseOption = await syncPurchaseOptions(shop, version, graphql);
    const outcome = await publishStorefrontPolicy(shop, version, graphql);
    context.log.info({ version, outcome, purchaseOption }, "policy publish job done");
  },
  "trial.advance": async (context) => {
    const shop = requireShop(context);
    const { trialId } = context.payload as { trialId: string };
    await advanceTrial(trialId, await adminFor(shop), context.log.child({ trialId }));
  },
  "mto.advance": async (context) => {
    const shop = requireShop(context);
    const { caseId } = context.payload as { caseId: string };
    await advanceMtoCase(caseId, await adminFor(shop), context.log.child({ caseId }));
  },
  "mto.stock": async (context) => {
    const shop = requireShop(context);
    const payload = context.payload as { inventoryItemGid?: string; sweepVersion?: number };
    const graphql = await adminFor(shop);
    if (payload.inventoryItemGid) {
      const outcome = await syncVariantStock(shop, payload.inventoryItemGid, graphql);
      context.log.info({ inventoryItemGid: payload.inventoryItemGid, outcome }, "stock flag");
      return;
    }
    const current = await getCurrentPolicy(shop);
    if (current.version !== payload.sweepVersion) return;
    const outcome = await sweepMadeToOrderStock(shop, current.document.madeToOrder, graphql);
    context.log.info({ outcome }, "made-to-order stock sweep");
  },
  // After an install: the shop's currency, time zone and plan, then the storefront policy, so
  // theme blocks can read it before the merchant ever saves settings.
  "shop.sync": async (context) => {
    const shop = requireShop(context);
    const graphql = await adminFor(shop);
    await syncShopDetails(shop, graphql);
    const { version } = await getCurrentPolicy(shop);
    await syncPurchaseOptions(shop, version, graphql);
    await publishStorefrontPolicy(shop, version, graphql);
  },
};
