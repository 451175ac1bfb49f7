import type { PolicySection } from "./schema";
import type { SectionForm } from "./field-spec";
import { fitForm } from "./forms/fit";
import { madeToOrderForm } from "./forms/made-to-order";
import { referralsForm } from "./forms/referrals";
import { returnsForm } from "./forms/returns";
import { shippingForm } from "./forms/shipping";
import { trialForm } from "./forms/trial";

// What each settings form shows, in order, one module per section (./forms). Shared by the
// Polaris pages (rendering) and the form parser (reading).

export type { FieldSpec, RowsSpec, SectionForm } from "./field-spec";

export const SECTION_FORMS: Record<PolicySection, SectionForm> = {
  trial: trialForm,
  madeToOrder: madeToOrderForm,
  returns: returnsForm,
  referrals: referralsForm,
  shipping: shippingForm,
  fit: fitForm,
};

export function sectionForPath(path: string): PolicySection | undefined {
  return (Object.keys(SECTION_FORMS) as PolicySection[]).find(
    (s) => SECTION_FORMS[s].path === path,
  );
}
