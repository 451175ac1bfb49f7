import type { PolicyDocument } from "~/domain/policy/schema";
import { localDate } from "~/domain/calendar";
import { isValidFit, WIDTHS, type FitProfile } from "~/domain/made-to-order/fit-profile";
import type { MtoTerms } from "~/domain/made-to-order/next-action";
import {
  promisedShipDate,
  type LeadTerms,
  type ShipPromise,
} from "~/domain/made-to-order/ship-date";
import { fitProfileFor } from "./fit-profile.server";
import { getCurrentPolicy } from "./policy.server";

// The made-to-order promise: the product page asks before the order, order intake records it
// with the order. Both go through `promiseFor` with the same policy version, order day, fit
// profile and destination, so the date the shopper saw is the date the back office holds.

export interface CaseTerms extends LeadTerms, MtoTerms {
  fittingDeliveryBusinessDays: number;
  fittingPairProductId: string;
  skipFittingWhenSizeConfirmed: boolean;
}

export function caseTerms(doc: PolicyDocument, country: string | null): CaseTerms {
  const mto = doc.madeToOrder;
  const tier =
    doc.shipping.tiers.find((t) => country && t.countries.includes(country)) ??
    doc.shipping.tiers[0];
  return {
    leadDays: mto.leadDays,
    seasonalOverrides: mto.seasonalOverrides,
    calendar: {
      businessDays: doc.shipping.businessDays as LeadTerms["calendar"]["businessDays"],
      holidays: doc.shipping.holidays.map((h) => h.date),
    },
    timeZone: doc.shipping.timezone,
    fitReminderAfterDays: mto.fitReminderAfterDays,
    fitEscalateAfterDays: mto.fitEscalateAfterDays,
    fittingPairReturnDays: mto.fittingPairReturnDays,
    // The fitting pair ships from stock: the slowest in-stock dispatch plus the slowest delivery.
    fittingDeliveryBusinessDays:
      doc.shipping.inStockShipBusinessDays.max + (tier?.deliveryBusinessDays.max ?? 0),
    fittingPairProductId: mto.fittingPairProductId,
    skipFittingWhenSizeConfirmed: mto.skipFittingWhenSizeConfirmed,
  };
}

/** "8.5 / Wide" (a variant title) → size and width, when it names both. */
export function sizeAndWidth(variantTitle: string | null | undefined) {
  const parts = (variantTitle ?? "").split("/").map((p) => p.trim());
  const size = parts.find((p) => isValidFit(p, "Medium")) ?? null;
  const width = parts.find((p) => (WIDTHS as readonly string[]).includes(p)) ?? null;
  return { size, width };
}

/** The fitting step is skipped only for the very size and width the shop has confirmed. */
export function sizeIsConfirmed(
  profile: FitProfile | null,
  fit: { size: string | null; width: string | null },
  terms: Pick<CaseTerms, "skipFittingWhenSizeConfirmed">,
): boolean {
  return Boolean(
    terms.skipFittingWhenSizeConfirmed &&
    profile?.confirmed &&
    profile.size === fit.size &&
    profile.width === fit.width,
  );
}

export interface PromiseContext {
  shop: string;
  customerGid: string | null;
  variantTitle: string | null;
  country: string | null;
  orderedAt: Date;
}

export async function promiseFor(ctx: PromiseContext): Promise<{
  promise: ShipPromise;
  terms: CaseTerms;
  policyVersion: number;
  enabled: boolean;
  fit: { size: string | null; width: string | null };
}> {
  const policy = await getCurrentPolicy(ctx.shop);
  const terms = caseTerms(policy.document, ctx.country);
  const fit = sizeAndWidth(ctx.variantTitle);
  const profile = await fitProfileFor(ctx.shop, ctx.customerGid);
  const promise = promisedShipDate(
    {
      orderDate: localDate(ctx.orderedAt, terms.timeZone),
      sizeConfirmed: sizeIsConfirmed(profile, fit, terms),
      fittingDeliveryBusinessDays: terms.fittingDeliveryBusinessDays,
    },
    terms,
  );
  return {
    promise,
    terms,
    policyVersion: policy.version,
    enabled: policy.document.madeToOrder.enabled,
    fit,
  };
}
