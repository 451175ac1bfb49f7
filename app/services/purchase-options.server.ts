import crypto from "node:crypto";
import prisma from "~/db.server";
import type { MadeToOrderPolicy, TrialPolicy } from "~/domain/policy/schema";
import {
  PRODUCTS_BY_QUERY,
  SELLING_PLAN_GROUP_ADD_PRODUCTS,
  SELLING_PLAN_GROUP_CREATE,
  SELLING_PLAN_GROUP_QUERY,
  SELLING_PLAN_GROUP_REMOVE_PRODUCTS,
  SELLING_PLAN_GROUP_UPDATE,
  VALIDATION_CREATE,
  VALIDATION_UPDATE,
  FEE_PRODUCT_SET,
  PUBLICATIONS_QUERY,
  PUBLISHABLE_PUBLISH,
} from "~/graphql/purchase-options";
import { toDecimalString } from "~/domain/money";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
  type OperationData,
} from "~/platform/admin/client.server";

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

/** Shopify search for the products a policy makes eligible (ids and tags). */
export function eligibleProductQuery(policy: {
  eligibleProductIds?: readonly string[];
  eligibleProductTags: readonly string[];
}): string | null {
  const terms = [
    ...(policy.eligibleProductIds ?? []).map((gid) => `id:${gid.split("/").pop()}`),
    ...policy.eligibleProductTags.map((tag) => `tag:'${tag.replace(/'/g, "")}'`),
  ];
  return terms.length > 0 ? terms.join(" OR ") : null;
}

async function productIdsMatching(graphql: AdminGraphql, query: string | null): Promise<string[]> {
  if (!query) return [];
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const { products }: OperationData<typeof PRODUCTS_BY_QUERY> = await adminRequest(
      graphql,
      PRODUCTS_BY_QUERY,
      { query, after },
    );
    ids.push(...products.nodes.map((n) => n.id));
    after = products.pageInfo.hasNextPage ? (products.pageInfo.endCursor ?? null) : null;
  } while (after);
  return ids;
}

function planDigest(plan: unknown): string {
  return crypto.createHash("sha256").update(JSON.stringify(plan)).digest("hex");
}

export interface PurchaseOptionSync {
  groupGid: string;
  planGid: string;
  added: number;
  removed: number;
}

type PlanInput = ReturnType<typeof trialPlanInput> | ReturnType<typeof madeToOrderPlanInput>;

/** Where each purchase option keeps its Shopify ids and last-synced plan on the shop row. */
const COLUMNS = {
  trial: {
    group: "trialSellingPlanGroupGid",
    plan: "trialSellingPlanGid",
    digest: "trialSellingPlanDigest",
  },
  mto: {
    group: "mtoSellingPlanGroupGid",
    plan: "mtoSellingPlanGid",
    digest: "mtoSellingPlanDigest",
  },
} as const;

interface GroupSpec {
  columns: (typeof COLUMNS)[keyof typeof COLUMNS];
  enabled: boolean;
  productQuery: string | null;
  plan: PlanInput;
  name: string;
  merchantCode: string;
  /** Liquid's selling_plan_group.app_id: how each theme block finds its own group. */
  appId: string;
  options: string[];
}

export function syncTrialPurchaseOption(shop: string, trial: TrialPolicy, graphql: AdminGraphql) {
  return syncSellingPlanGroup(
    shop,
    {
      columns: COLUMNS.trial,
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

export function syncMadeToOrderPurchaseOption(
  shop: string,
  mto: MadeToOrderPolicy,
  graphql: AdminGraphql,
) {
  return syncSellingPlanGroup(
    shop,
    {
      columns: COLUMNS.mto,
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

async function syncSellingPlanGroup(
  shop: string,
  spec: GroupSpec,
  graphql: AdminGraphql,
): Promise<PurchaseOptionSync | null> {
  const shopRow = await prisma.shop.findUnique({ where: { domain: shop } });
  if (!shopRow) throw new TerminalJobError(`shop ${shop} is not installed`);
  const existingGroup = shopRow[spec.columns.group];
  if (!spec.enabled && !existingGroup) return null;
  const wanted = spec.enabled ? await productIdsMatching(graphql, spec.productQuery) : [];
  const plan = spec.plan;

  if (!existingGroup) {
    const data = await adminRequest(graphql, SELLING_PLAN_GROUP_CREATE, {
      input: {
        name: spec.name,
        merchantCode: spec.merchantCode,
        appId: spec.appId,
        options: spec.options,
        sellingPlansToCreate: [plan],
      },
      resources: { productIds: wanted },
    });
    const result = data.sellingPlanGroupCreate;
    assertNoUserErrors("sellingPlanGroupCreate", result?.userErrors);
    const group = result?.sellingPlanGroup;
    const planGid = group?.sellingPlans.nodes[0]?.id;
    if (!group || !planGid) throw new TerminalJobError("sellingPlanGroupCreate returned no plan");
    await prisma.shop.update({
      where: { domain: shop },
      data: {
        [spec.columns.group]: group.id,
        [spec.columns.plan]: planGid,
        [spec.columns.digest]: planDigest(plan),
      },
    });
    return { groupGid: group.id, planGid, added: wanted.length, removed: 0 };
  }

  const groupGid = existingGroup;
  const current = await adminRequest(graphql, SELLING_PLAN_GROUP_QUERY, { id: groupGid });
  const group = current.sellingPlanGroup;
  if (!group) throw new TerminalJobError(`selling plan group ${groupGid} no longer exists`);
  const planGid = shopRow[spec.columns.plan] ?? group.sellingPlans.nodes[0]?.id;
  if (!planGid) throw new TerminalJobError(`selling plan group ${groupGid} has no plan`);
  const digest = planDigest(plan);
  if (shopRow[spec.columns.digest] !== digest) {
    const update = await adminRequest(graphql, SELLING_PLAN_GROUP_UPDATE, {
      id: groupGid,
      input: { sellingPlansToUpdate: [{ id: planGid, ...plan }] },
    });
    assertNoUserErrors("sellingPlanGroupUpdate", update.sellingPlanGroupUpdate?.userErrors);
  }
  const attached = new Set(group.products.nodes.map((n) => n.id));
  const add = wanted.filter((id) => !attached.has(id));
  const remove = [...attached].filter((id) => !wanted.includes(id));
  for (let i = 0; i < add.length; i += 250) {
    const data = await adminRequest(graphql, SELLING_PLAN_GROUP_ADD_PRODUCTS, {
      id: groupGid,
      productIds: add.slice(i, i + 250),
    });
    assertNoUserErrors("sellingPlanGroupAddProducts", data.sellingPlanGroupAddProducts?.userErrors);
  }
  for (let i = 0; i < remove.length; i += 250) {
    const data = await adminRequest(graphql, SELLING_PLAN_GROUP_REMOVE_PRODUCTS, {
      id: groupGid,
      productIds: remove.slice(i, i + 250),
    });
    assertNoUserErrors(
      "sellingPlanGroupRemoveProducts",
      data.sellingPlanGroupRemoveProducts?.userErrors,
    );
  }
  await prisma.shop.update({
    where: { domain: shop },
    data: { [spec.columns.plan]: planGid, [spec.columns.digest]: digest },
  });
  return { groupGid, planGid, added: add.length, removed: remove.length };
}

export const TRIAL_VALIDATION_HANDLE = "trial-validation";

export function trialRules(trial: TrialPolicy, feeVariantGid: string | null = null) {
  return {
    countries: trial.countries,
    maxPairs: trial.maxPairs,
    allowRegularItemsInTrialCart: trial.allowRegularItemsInTrialCart,
    feeVariantId: feeVariantGid,
  };
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
  const enable = trial.enabled || madeToOrderEnabled;
  const digest = crypto.createHash("sha256").update(`${rules}|${enable}`).digest("hex");
  if (shopRow.trialValidationGid && shopRow.trialRulesDigest === digest) return "unchanged";
  const metafields = [
    { namespace: "fitting_room", key: "trial_rules", type: "json", value: rules },
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
