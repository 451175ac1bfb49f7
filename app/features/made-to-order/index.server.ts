import type { PolicyModule } from "~/policy-module";
import { mtoOrderFacts } from "./facts.server";
import { openMtoCasesFromOrder } from "./intake.server";
import { inventoryLevelUpdated, mtoJobs } from "./jobs.server";
import { mtoPersonalData } from "./personal-data.server";
import { syncMadeToOrderShopify } from "./purchase-option.server";
import { madeToOrderOrderStatus } from "./order-status.server";
import { madeToOrderStorefrontDates } from "./storefront-dates.server";

// Made-to-order with a fitting pair (docs/decisions/0008-made-to-order.md): what it plugs into
// the app, and what the admin and storefront routes call. Nothing outside this folder imports
// anything else in it.

export const madeToOrderPolicy: PolicyModule = {
  name: "made-to-order",
  jobs: mtoJobs,
  facts: {
    ...mtoOrderFacts,
    orderCreated: ({ shop, order, deliveryId }) => openMtoCasesFromOrder(shop, order, deliveryId),
  },
  webhooks: { "inventory_levels/update": inventoryLevelUpdated },
  syncShopify: syncMadeToOrderShopify,
  flowTriggers: ["fit-reminder-due", "fit-confirmed", "made-to-order-attention"],
  personalData: mtoPersonalData,
  orderStatus: madeToOrderOrderStatus,
  storefrontDates: madeToOrderStorefrontDates,
};

export {
  MtoActionError,
  cancelCase,
  confirmFit,
  markFittingPairReturned,
  requestSizeChange,
  rescheduleCase,
  resendFitLink,
} from "./actions.server";
export { caseDetail, listCases, mtoCaseInShop, queueCounts } from "./queries.server";
export {
  SIZE_CHOICES,
  WIDTH_CHOICES,
  formatLocalDate,
  productPageEstimate,
  shopperCases,
} from "./shopper.server";
export * from "./index";
