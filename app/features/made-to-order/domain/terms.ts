import type { FitProfile } from "~/domain/fit-profile";
import type { MtoTerms } from "./next-action";
import type { LeadTerms } from "./ship-date";
import type { PolicyDocument } from "~/domain/policy/schema";

// The terms a made-to-order case is held to, taken from the policy version in force when the
// shopper ordered (stored with the case), and the inputs of its promise.

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
