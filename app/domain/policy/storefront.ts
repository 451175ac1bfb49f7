import type { PolicyDocument } from "./schema";

// The part of the policy the storefront needs, published to an app-owned metafield on every save
// so Liquid blocks read it from `app.metafields.fitting_room.policy` without an API call.
export function storefrontPolicy(
  document: PolicyDocument,
  version: number,
  shop: {
    plus: boolean;
    trialSellingPlanId?: string | null;
    trialFeeVariantId?: string | null;
  } = { plus: false },
) {
  const { trial, madeToOrder, returns, referrals, shipping, fit } = document;
  return {
    version,
    currency: document.currency,
    trial: {
      enabled: trial.enabled,
      countries: trial.countries,
      eligibleProductTags: trial.eligibleProductTags,
      eligibleProductIds: trial.eligibleProductIds,
      boxFee: trial.boxFee,
      holdAmount: trial.holdAmount,
      // Only Plus can choose the hold's amount; elsewhere Shopify holds the pairs' value.
      holdIsOrderValue: !shop.plus,
      // How checkout (which sees no plan category) recognises a trial line.
      sellingPlanId: shop.trialSellingPlanId ?? null,
      // The box fee's own product variant: the block adds it to the cart beside the pairs.
      feeVariantId: shop.trialFeeVariantId ?? null,
      windowDays: trial.windowDays,
      maxPairs: trial.maxPairs,
      exchangesAllowed: trial.exchangesAllowed,
    },
    madeToOrder: {
      enabled: madeToOrder.enabled,
      leadDays: madeToOrder.leadDays,
      eligibleProductTags: madeToOrder.eligibleProductTags,
      skipFittingWhenSizeConfirmed: madeToOrder.skipFittingWhenSizeConfirmed,
      seasonalOverrides: madeToOrder.seasonalOverrides,
    },
    returns: {
      windowDays: returns.windowDays,
      handlingFee: returns.handlingFee,
      saleItemsStoreCreditOnly: returns.saleItemsStoreCreditOnly,
    },
    referrals: {
      enabled: referrals.enabled,
      friendRewardKind: referrals.friendRewardKind,
      friendReward: referrals.friendReward,
      friendRewardPercent: referrals.friendRewardPercent,
      minimumOrder: referrals.minimumOrder,
      referrerReward: referrals.referrerReward,
    },
    fit: { finderEnabled: fit.finderEnabled },
    shipping: {
      timezone: shipping.timezone,
      businessDays: shipping.businessDays,
      holidays: shipping.holidays.map((h) => h.date),
      inStockShipBusinessDays: shipping.inStockShipBusinessDays,
      trialShipBusinessDays: shipping.trialShipBusinessDays,
      tiers: shipping.tiers.map((t) => ({
        countries: t.countries,
        estimatedCost: t.estimatedCost,
        deliveryBusinessDays: t.deliveryBusinessDays,
      })),
    },
  };
}

export type StorefrontPolicy = ReturnType<typeof storefrontPolicy>;
