import type { PolicyDocument, ReturnsPolicy } from "~/domain/policy/schema";

// The return terms an order is held to: the returns section of the policy version in force when
// the order was placed (kept with the order's snapshot, so a later policy change never moves a
// window or a fee on an order already placed), with the shop's calendar zone.

export type MarketRule = ReturnsPolicy["markets"][number];

export interface ReturnTerms {
  policyVersion: number;
  currency: string;
  timeZone: string;
  windowDays: number;
  handlingFee: number;
  handlingFeeWaivedFor: readonly ("store_credit" | "exchange")[];
  saleItemsStoreCreditOnly: boolean;
  saleWhen: readonly ("tagged" | "below_compare_at" | "line_discount")[];
  saleTags: readonly string[];
  finalSaleTags: readonly string[];
  sampleTags: readonly string[];
  customFinalSaleTags: readonly string[];
  nonReturnableProductTypes: readonly string[];
  markets: readonly MarketRule[];
  marketplaceChannels: ReturnsPolicy["marketplaceChannels"];
  hsCode: string;
  autoApprove: boolean;
  parcelReminderDays: number;
  approvedReturnExpiryDays: number;
}

export function returnTerms(doc: PolicyDocument, policyVersion: number): ReturnTerms {
  const r = doc.returns;
  return {
    policyVersion,
    currency: r.handlingFee.currency,
    timeZone: doc.shipping.timezone,
    windowDays: r.windowDays,
    handlingFee: r.handlingFee.amount,
    handlingFeeWaivedFor: r.handlingFeeWaivedFor,
    saleItemsStoreCreditOnly: r.saleItemsStoreCreditOnly,
    saleWhen: r.saleWhen,
    saleTags: r.saleTags,
    finalSaleTags: r.nonReturnableTags,
    sampleTags: r.sampleTags,
    customFinalSaleTags: r.customFinalSaleTags,
    nonReturnableProductTypes: r.nonReturnableProductTypes,
    markets: r.markets,
    marketplaceChannels: r.marketplaceChannels,
    hsCode: r.internationalHsCode,
    autoApprove: r.autoApprove,
    parcelReminderDays: r.parcelReminderDays,
    approvedReturnExpiryDays: r.approvedReturnExpiryDays,
  };
}

/** The market an order ships to: the one listing its country, else the `*` market. */
export function marketFor(terms: Pick<ReturnTerms, "markets">, country: string | null) {
  const upper = country?.toUpperCase() ?? null;
  return (
    terms.markets.find(
      (m) => m.countries !== "*" && upper !== null && m.countries.includes(upper),
    ) ??
    terms.markets.find((m) => m.countries === "*") ??
    (terms.markets[0] as MarketRule)
  );
}

/** The marketplace an order came from (its source name), when the policy routes it there. */
export function marketplaceOf(
  terms: Pick<ReturnTerms, "marketplaceChannels">,
  sourceName: string | null,
) {
  const source = sourceName?.trim().toLowerCase();
  if (!source) return null;
  return (
    terms.marketplaceChannels.find((c) => c.sourceName.trim().toLowerCase() === source) ?? null
  );
}
