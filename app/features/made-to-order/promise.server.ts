import { localDate } from "~/domain/calendar";
import { promisedShipDate, type ShipPromise } from "./domain/ship-date";
import { sizeAndWidth } from "~/domain/fit-profile";
import { caseTerms, sizeIsConfirmed, type CaseTerms } from "./domain/terms";
import { fitProfileFor } from "~/services/fit-profile.server";
import { getCurrentPolicy } from "~/services/policy.server";

// The made-to-order promise: the product page asks before the order, order intake records it
// with the order. Both go through `promiseFor` with the same policy version, order day, fit
// profile and destination, so the date the shopper saw is the date the back office holds.

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
