import type { PolicyModule } from "~/policy-module";
import { returnsOrderFacts } from "./facts.server";
import { openReturnOrder } from "./intake.server";
import { reverseDeliveryAttached, returnsJobs } from "./jobs.server";
import { returnsPersonalData } from "./personal-data.server";
import { returnsOrderStatus } from "./order-status.server";

// Returns and exchanges (docs/decisions/0010-return-fees.md): what the policy plugs into the app,
// and what the admin and storefront routes call. Nothing outside this folder imports anything
// else in it.

export const returnsPolicy: PolicyModule = {
  name: "returns",
  jobs: returnsJobs,
  facts: {
    ...returnsOrderFacts,
    orderCreated: ({ shop, order, deliveryId }) => openReturnOrder(shop, order, deliveryId),
  },
  webhooks: { "reverse_deliveries/attach_deliverable": reverseDeliveryAttached },
  flowTriggers: ["return-needs-review", "return-received", "return-worn"],
  personalData: returnsPersonalData,
  orderStatus: returnsOrderStatus,
};

export {
  DECLINE_REASONS,
  INSPECTED_CONDITIONS,
  ReturnActionError,
  addTracking,
  approveReturn,
  chooseOutcome,
  declineReturn,
  inspectLine,
  markReceived,
  nudgeReturn,
  releaseExchange,
} from "./actions.server";
export {
  FIT_FEEDBACK,
  ReturnRequestError,
  openReturnCase,
  previewReturn,
  type FitFeedback,
  type ReturnLineRequest,
} from "./open.server";
export { caseDecision, decisionFor, findCase } from "./case.server";
export {
  ShopperAccessError,
  customerOrderByGid,
  customerOrders,
  previewShopperReturn,
  shopperOrder,
  submitShopperReturn,
} from "./shopper.server";
export { guestOrderId, lookupGuestOrder, type ShopperAccess } from "./portal-access.server";
export { shopperAddTracking, shopperCase, shopperChooseOutcome } from "./portal-status.server";
export {
  listReturns,
  returnCaseInShop,
  returnDetail,
  returnQueueCounts,
  type ReturnFilters,
} from "./queries.server";
export { fitFeedbackRollup, returnsCsv, type DateRange } from "./reports.server";
export * from "./index";
