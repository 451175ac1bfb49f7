import type { PolicyModule } from "~/policy-module";
import { advanceTrial } from "./advance.server";
import { TRIAL_ADVANCE_JOB } from "./case.server";
import { trialFacts } from "./facts.server";
import { handOverOnFinalFailure } from "./job-failure.server";
import { openTrialFromOrder } from "./intake.server";
import { trialPersonalData } from "./personal-data.server";
import { syncTrialShopify } from "./purchase-option.server";
import { trialOrderStatus } from "./order-status.server";

// The at-home trial box (docs/decisions/0007-trial-box.md): what it plugs into the app, and what
// the admin and storefront routes call. Nothing outside this folder imports anything else in it.

export const trialPolicy: PolicyModule = {
  name: "trial",
  jobs: {
    [TRIAL_ADVANCE_JOB]: async (context) => {
      const { trialId } = context.payload as { trialId: string };
      try {
        await advanceTrial(
          { id: trialId, shop: context.shop },
          await context.admin(),
          context.log.child({ trialId }),
        );
      } catch (error) {
        await handOverOnFinalFailure(context.job, trialId, error);
        throw error;
      }
    },
  },
  facts: {
    ...trialFacts,
    orderCreated: ({ shop, order, deliveryId }) => openTrialFromOrder(shop, order, deliveryId),
  },
  syncShopify: syncTrialShopify,
  flowTriggers: ["trial-ending-soon"],
  personalData: trialPersonalData,
  orderStatus: trialOrderStatus,
};

export { performTrialAction, type TrialActionInput } from "./actions.server";
export { listTrials, trialDetail, trialInShop, trialOverview } from "./queries.server";
export {
  questionnaireTrials,
  saveQuestionnaire,
  saveShopperChoices,
  shopperTrials,
  type ShopperChoiceResult,
} from "./shopper.server";
export { trialDueAfterDays } from "./purchase-option.server";
export * from "./index";
