import crypto from "node:crypto";
import prisma from "~/db.server";
import { toDecimalString } from "~/domain/money";
import type { TrialPolicy } from "~/domain/policy/schema";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import type { CurrentPolicy } from "~/services/policy.server";
import { eligibleProductQuery, syncSellingPlanGroup } from "~/services/selling-plans.server";
import {
  FEE_PRODUCT_SET,
  PUBLICATIONS_QUERY,
  PUBLISHABLE_PUBLISH,
  VALIDATION_CREATE,
  VALIDATION_UPDATE,
} from "./graphql";

// The trial's purchase option on Shopify. Shopify holds the card and a due date but never charges
// by itself; the app charges. The due date is set past the latest day the app could settle (the
// fallback start, the window, the longest a return may be in transit, and a margin), so Shopify's
// own due date never fires before ours.

const MARGIN_DAYS = 7;

export function trialDueAfterDays(trial: TrialPolicy): number {
  return (
    trial.fallbackStartDaysAfterFulfillment +
    trial.windowDays +
    trial.returnInTransitCapDays +
    MARGIN_DAYS
  );
}

export function trialPlanInput(trial: TrialPolicy) {
  return {
    name: `Try at home for ${trial.windowDays} days`,
    category: "TRY_BEFORE_YOU_BUY" as const,
    options: [`${trial.windowDays}-day home trial`],
    description: `Pay nothing now. You have ${trial.windowDays} days from delivery to decide; we charge only for what you keep.`,
    billingPolicy: {
      fixed: {
        checkoutCharge: { type: "PRICE" as const, value: { fixedValue: "0" } },
        remainingBalanceChargeTrigger: "TIME_AFTER_CHECKOUT" as const,
        remainingBalanceChargeTimeAfterCheckout: `P${trialDueAfterDays(trial)}D`,
      },
    },
    deliveryPolicy: { fixed: { fulfillmentTrigger: "ASAP" as const } },
    inventoryPolicy: { reserve: "ON_SALE" as const },
    // Functions see no plan category: this marker is how the validation knows a trial line.
    metafields: [{ namespace: "fitting_room", key: "trial", type: "boolean", value: "true" }],
  };
}

export function syncTrialPurchaseOption(shop: string, trial: TrialPolicy, graphql: AdminGraphql) {
  return syncSellingPlanGroup(
    shop,
    {
      columns: {
        group: "trialSellingPlanGroupGid",
        plan: "trialSellingPlanGid",
        digest: "trialSellingPlanDigest",
      },
      enabled: trial.enabled,
      productQuery: eligibleProductQuery(trial),
      plan: trialPlanInput(trial),
      name: "Try at home",
      merchantCode: "fitting-room-trial",
      appId: "fitting-room",
      options: ["Home trial"],
    },
    graphql,
  );
}

/**
 * The trial's part of publishing a policy: the purchase option, then the box fee product, then
 * the checkout rules, which name the fee's variant as allowed beside trial pairs. The rules
 * Function also keeps sold-out made-to-order sizes on their option, so it is on while either
 * policy is offered.
 */
export async function syncTrialShopify(shop: string, policy: CurrentPolicy, graphql: AdminGraphql) {
  const trial = policy.document.trial;
  const purchaseOption = await syncTrialPurchaseOption(shop, trial, graphql);
  const fee = await syncTrialFee(shop, trial, graphql);
  const checkoutRules = await syncTrialValidation(
    shop,
    trial,
    graphql,
    policy.document.madeToOrder.enabled,
  );
  return { purchaseOption, fee, checkoutRules };
}

export const TRIAL_VALIDATION_HANDLE = "trial-validation";

export function trialRules(trial: TrialPolicy, feeVariantGid: string | null = null) {
  return {
    countries: trial.countries,
    maxPairs: trial.maxPairs,
    allowRegularItemsInTrialCart: trial.allowRegularItemsInTrialCart,
    feeVariantId: feeVariantGid,
    // Eligible products for the Function: these ids, or a tag in its input variable trialTags.
    eligibleProductIds: trial.eligibleProductIds,
  };
}

/** The Function's input variables (extensions/trial-validation: [extensions.input.variables]). */
export function trialInputVariables(trial: TrialPolicy) {
  return { trialTags: trial.eligibleProductTags };
}

/**
 * The checkout rules follow the policy: created once, updated when the rules change. One
 * validation carries the trial's rules and made-to-order's (sold-out sizes only on its option),
 * so it is on while either is offered.
 */
export async function syncTrialValidation(
  shop: string,
  trial: TrialPolicy,
  graphql: AdminGraphql,
  madeToOrderEnabled = false,
): Promise<"created" | "updated" | "unchanged"> {
  const shopRow = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
  const rules = JSON.stringify(trialRules(trial, shopRow.trialFeeVariantGid));
  const variables = JSON.stringify(trialInputVariables(trial));
  const enable = trial.enabled || madeToOrderEnabled;
  const digest = crypto
    .createHash("sha256")
    .update(`${rules}|${variables}|${enable}`)
    .digest("hex");
  if (shopRow.trialValidationGid && shopRow.trialRulesDigest === digest) return "unchanged";
  const metafields = [
    { namespace: "fitting_room", key: "trial_rules", type: "json", value: rules },
    { namespace: "fitting_room", key: "trial_input", type: "json", value: variables },
  ];
  if (!shopRow.trialValidationGid) {
    const data = await adminRequest(graphql, VALIDATION_CREATE, {
      validation: {
        functionHandle: TRIAL_VALIDATION_HANDLE,
        title: "Fitting Room checkout rules",
        enable,
        blockOnFailure: false,
        metafields,
      },
    });
    assertNoUserErrors("validationCreate", data.validationCreate?.userErrors);
    const id = data.validationCreate?.validation?.id;
    if (!id) throw new TerminalJobError("validationCreate returned no validation");
    await prisma.shop.update({
      where: { domain: shop },
      data: { trialValidationGid: id, trialRulesDigest: digest },
    });
    return "created";
  }
  const data = await adminRequest(graphql, VALIDATION_UPDATE, {
    id: shopRow.trialValidationGid,
    validation: { enable, metafields },
  });
  assertNoUserErrors("validationUpdate", data.validationUpdate?.userErrors);
  await prisma.shop.update({ where: { domain: shop }, data: { trialRulesDigest: digest } });
  return "updated";
}

/**
 * The box fee as its own product, so it is a cart line paid at checkout (a selling plan's
 * checkout charge would be a deposit on each pair, not a fee). Unlisted: reachable by the block's
 * cart add, not shown in collections or search. A fee of 0 archives it.
 */
export async function syncTrialFee(
  shop: string,
  trial: TrialPolicy,
  graphql: AdminGraphql,
): Promise<"created" | "updated" | "unchanged" | "none"> {
  const shopRow = await prisma.shop.findUniqueOrThrow({ where: { domain: shop } });
  const charged = trial.enabled && trial.boxFee.amount > 0;
  if (!charged && !shopRow.trialFeeProductGid) return "none";
  const price = toDecimalString(trial.boxFee);
  const digest = `${price}|${charged}`;
  if (shopRow.trialFeeProductGid && shopRow.trialFeeDigest === digest) return "unchanged";
  const data = await adminRequest(graphql, FEE_PRODUCT_SET, {
    input: {
      ...(shopRow.trialFeeProductGid ? { id: shopRow.trialFeeProductGid } : {}),
      title: "Home trial box fee",
      handle: "fitting-room-trial-fee",
      productType: "Fee",
      vendor: "Fitting Room",
      tags: ["fitting-room-trial-fee"],
      status: charged ? "UNLISTED" : "ARCHIVED",
      productOptions: [{ name: "Title", values: [{ name: "Default Title" }] }],
      variants: [
        {
          optionValues: [{ optionName: "Title", name: "Default Title" }],
          price,
          taxable: true,
          inventoryPolicy: "CONTINUE",
          inventoryItem: { requiresShipping: false, tracked: false },
        },
      ],
    },
  });
  assertNoUserErrors("productSet", data.productSet?.userErrors);
  const product = data.productSet?.product;
  const variantGid = product?.variants.nodes[0]?.id;
  if (!product || !variantGid) throw new TerminalJobError("productSet returned no fee variant");
  if (!shopRow.trialFeeProductGid) {
    const publications = await adminRequest(graphql, PUBLICATIONS_QUERY);
    const online = publications.publications.nodes.find((p) => p.name === "Online Store");
    if (!online) throw new TerminalJobError("the shop has no Online Store publication");
    const published = await adminRequest(graphql, PUBLISHABLE_PUBLISH, {
      id: product.id,
      input: [{ publicationId: online.id }],
    });
    assertNoUserErrors("publishablePublish", published.publishablePublish?.userErrors);
  }
  await prisma.shop.update({
    where: { domain: shop },
    data: {
      trialFeeProductGid: product.id,
      trialFeeVariantGid: charged ? variantGid : null,
      trialFeeDigest: digest,
    },
  });
  return shopRow.trialFeeProductGid ? "updated" : "created";
}
