import { offlineAdmin } from "~/shopify.server";
import { POLICIES } from "~/policies.server";
import type { PolicyJobHandler } from "~/policy-module";
import { throttled } from "~/platform/admin/throttle.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import type { JobContext, JobHandler, JobTable } from "~/platform/jobs/types";
import { registerJobSchedule } from "~/platform/jobs/engine.server";
import {
  SHOP_PLAN_JOB,
  SHOP_SYNC_JOB,
  refreshShopPlan,
  syncShopDetails,
} from "~/platform/shops.server";
import { WEBHOOK_PROCESS_JOB, processWebhookDelivery } from "~/platform/webhooks/process.server";
import {
  WEBHOOK_RETENTION_JOB,
  scheduleWebhookRetention,
  webhookRetentionJob,
} from "~/platform/webhooks/retention.server";
import {
  POLICY_PUBLISH_JOB,
  getCurrentPolicy,
  publishStorefrontPolicy,
} from "~/services/policy.server";
import {
  DELIVERY_REFRESH_JOB,
  publishDeliverySchedule,
  scheduleNextDeliveryRefresh,
} from "~/services/delivery-schedule.server";
import { FIT_IMPORT_JOB, importTaggedSizes } from "~/services/fit-import.server";
import { webhookHandlers } from "~/webhooks/handlers";

// The job table the worker is handed (app/platform/jobs/worker.server.ts): the app's own jobs
// (process a webhook, publish a policy version, set up a new install) and every policy's.

function requireShop(context: JobContext): string {
  if (!context.shop) throw new TerminalJobError(`job ${context.job.type} has no shop`);
  return context.shop;
}

async function adminFor(shop: string): Promise<AdminGraphql> {
  // Throws SessionNotFoundError (terminal) when the shop has uninstalled the app.
  // Jobs run by the thousand: pace them to the shop's rate limit instead of being throttled.
  return throttled(shop, await offlineAdmin(shop));
}

/** Every policy's part of publishing a version; only the newest version may shape Shopify. */
async function syncPolicies(shop: string, version: number, graphql: AdminGraphql) {
  const current = await getCurrentPolicy(shop);
  if (current.version !== version) return { skipped: `version ${version} is not current` };
  const outcomes: Record<string, unknown> = {};
  for (const policy of POLICIES)
    if (policy.syncShopify)
      outcomes[policy.name] = await policy.syncShopify(shop, current, graphql);
  return outcomes;
}

/** The product page's delivery dates for the policy in force, and tomorrow's refresh. */
async function refreshDelivery(shop: string, graphql: AdminGraphql) {
  const { day } = await publishDeliverySchedule(shop, graphql, (document, orderDay) =>
    Object.assign({}, ...POLICIES.map((p) => p.storefrontDates?.(document, orderDay) ?? {})),
  );
  await scheduleNextDeliveryRefresh(shop, day);
}

function forPolicy(handler: PolicyJobHandler): JobHandler {
  return (context) => {
    const shop = requireShop(context);
    return handler({ ...context, shop, admin: () => adminFor(shop) });
  };
}

const appJobs: JobTable = {
  [WEBHOOK_PROCESS_JOB]: async (context) => {
    const { deliveryId } = context.payload as { deliveryId: string };
    await processWebhookDelivery(deliveryId, webhookHandlers, context.log);
  },
  [WEBHOOK_RETENTION_JOB]: webhookRetentionJob,
  [POLICY_PUBLISH_JOB]: async (context) => {
    const shop = requireShop(context);
    const { version } = context.payload as { version: number };
    const graphql = await adminFor(shop);
    // Purchase options first: the published policy names the trial's selling plan for checkout.
    const purchaseOptions = await syncPolicies(shop, version, graphql);
    const outcome = await publishStorefrontPolicy(shop, version, graphql);
    if (outcome === "published") await refreshDelivery(shop, graphql);
    context.log.info({ version, outcome, purchaseOptions }, "policy publish job done");
  },
  // After an install: the shop's currency, time zone and plan, then the storefront policy, so
  // theme blocks can read it before the merchant ever saves settings.
  [SHOP_SYNC_JOB]: async (context) => {
    const shop = requireShop(context);
    const graphql = await adminFor(shop);
    await syncShopDetails(shop, graphql);
    const { version } = await getCurrentPolicy(shop);
    await syncPolicies(shop, version, graphql);
    await publishStorefrontPolicy(shop, version, graphql);
    await refreshDelivery(shop, graphql);
  },
  // shop/update: the plan may have moved (Standard ↔ Plus); the storefront's hold wording
  // ("the order's value" vs the policy's amount) follows it. Trials re-read it before each payment.
  [SHOP_PLAN_JOB]: async (context) => {
    const shop = requireShop(context);
    const graphql = await adminFor(shop);
    const { plus, changed } = await refreshShopPlan(shop, graphql);
    if (changed) {
      const { version } = await getCurrentPolicy(shop);
      await publishStorefrontPolicy(shop, version, graphql, `plan:${context.job.id}`);
    }
    context.log.info({ plus, changed }, "shop plan read");
  },
  [FIT_IMPORT_JOB]: async (context) => {
    const shop = requireShop(context);
    const outcome = await importTaggedSizes(shop, await adminFor(shop));
    context.log.info({ outcome }, "known sizes imported");
  },
  [DELIVERY_REFRESH_JOB]: async (context) => {
    const shop = requireShop(context);
    await refreshDelivery(shop, await adminFor(shop));
  },
};

function buildJobTable(): JobTable {
  const table: Record<string, JobHandler> = { ...appJobs };
  for (const policy of POLICIES)
    for (const [type, handler] of Object.entries(policy.jobs)) {
      if (table[type]) throw new Error(`job type ${type} of ${policy.name} is taken`);
      table[type] = forPolicy(handler);
    }
  return table;
}

export const jobTable: JobTable = buildJobTable();

// Named queues (graphile-worker, PostgreSQL): a queue runs one job at a time. One shop's webhooks
// are processed in the order they arrived (an order's create before its fulfilment and refund),
// and one shop's Shopify set-up jobs, which rewrite the same metafields and selling plans, never
// overlap. Per shop, not per order or case: graphile warns against high-cardinality queue names,
// and a case's jobs are already serialised by its advance lock (platform/jobs/case-runner). A
// queue also bounds what one shop's burst can take from the others: one worker slot.
const perShop = (prefix: string) => (shop: string | null) => (shop ? `${prefix}:${shop}` : null);
registerJobSchedule({
  queues: {
    [WEBHOOK_PROCESS_JOB]: perShop("webhooks"),
    [POLICY_PUBLISH_JOB]: perShop("shop-setup"),
    [SHOP_SYNC_JOB]: perShop("shop-setup"),
    [SHOP_PLAN_JOB]: perShop("shop-setup"),
    [DELIVERY_REFRESH_JOB]: perShop("shop-setup"),
  },
  priorities: { [WEBHOOK_PROCESS_JOB]: -10, [POLICY_PUBLISH_JOB]: -5, [SHOP_SYNC_JOB]: -5 },
  // The inbox's daily retention sweep also re-queues itself; the crontab entry is its backstop.
  sweeps: [{ name: "webhook_retention", cron: "0 3 * * *", enqueue: scheduleWebhookRetention }],
});
