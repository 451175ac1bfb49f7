import type { PolicyDocument } from "~/domain/policy/schema";
import { promisedShipDate } from "./domain/ship-date";
import { caseTerms } from "./domain/terms";

// The made-to-order line of the product page's Delivery block: "fit first, then ships about
// <date>" for a shopper the app does not know, per shipping tier — the promise order intake
// records for the same day and destination (promiseFor), so the page and the order agree.
export function madeToOrderStorefrontDates(
  document: PolicyDocument,
  day: string,
): Record<string, string[]> {
  if (!document.madeToOrder.enabled) return {};
  const fitFirst = document.shipping.tiers.map((tier) => {
    const terms = caseTerms(document, tier.countries[0] ?? null);
    return promisedShipDate(
      {
        orderDate: day,
        sizeConfirmed: false,
        fittingDeliveryBusinessDays: terms.fittingDeliveryBusinessDays,
      },
      terms,
    ).shipDate;
  });
  return { fitFirst };
}
