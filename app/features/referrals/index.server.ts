import type { PolicyModule } from "~/policy-module";
import { discountDeleted } from "./discount-deleted.server";
import { referralOrderFacts } from "./facts.server";
import { referralsJobs } from "./jobs.server";
import { openReferralCase } from "./open.server";
import { referralsPersonalData } from "./personal-data.server";
import { syncReferralProgram } from "./program.server";
import { referralOrderStatus } from "./order-status.server";

// Referrals ("Give $20, get $20"; docs/decisions/0012-referral-discount.md): what the policy
// plugs into the app, and what the admin and storefront routes call. Nothing outside this folder
// imports anything else in it.

export const referralsPolicy: PolicyModule = {
  name: "referrals",
  jobs: referralsJobs,
  facts: {
    ...referralOrderFacts,
    orderCreated: ({ shop, order }) => openReferralCase(shop, order),
  },
  webhooks: { "discounts/delete": discountDeleted },
  syncShopify: syncReferralProgram,
  flowTriggers: ["referral-flagged", "referral-reward-earned", "ambassador-applied"],
  personalData: referralsPersonalData,
  orderStatus: referralOrderStatus,
};

export {
  referralLinkTarget,
  referrerWithCode,
  issueCode,
  type ReferrerIdentity,
} from "./codes.server";
export { ReferralActionError, payReferralNow, reviewReferral, revokeCode } from "./actions.server";
export {
  listReferrals,
  referralCaseInShop,
  referralDetail,
  referralQueueCounts,
  referralTotals,
} from "./queries.server";
export { referralsCsv } from "./reports.server";
export { decisionOf } from "./case.server";
export { REFERRAL_ATTRIBUTE } from "./open.server";
export {
  ambassadorApplications,
  ambassadorStatus,
  applyAmbassador,
  reviewAmbassador,
  type AmbassadorApplication,
} from "./ambassadors.server";
export { referralOffer, shopperReferrals, type ShopperReferral } from "./shopper.server";
export * from "./index";
