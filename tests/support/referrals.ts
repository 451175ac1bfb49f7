import { expect } from "vitest";
import { defaultPolicy } from "~/domain/policy/defaults";
import { sectionFormValues } from "~/domain/policy/form";
import { savePolicySection } from "~/services/policy.server";

/**
 * Saves the reference store's referral section as the merchant would post it (a box left
 * unchecked is absent from the form). The publish job still has to run.
 */
export async function saveReferralPolicy(
  shop: string,
  unchecked: string[] = [],
  overrides: Record<string, string> = {},
) {
  const values = { ...sectionFormValues(defaultPolicy(), "referrals"), ...overrides };
  const entries = Object.entries(values).filter(([name]) => !unchecked.includes(name));
  const saved = await savePolicySection(shop, "referrals", entries, "staff");
  expect(saved.ok).toBe(true);
  return saved;
}
