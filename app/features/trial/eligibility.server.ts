import prisma from "~/db.server";
import { adminRequest, type AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { shopLogger } from "~/platform/logger.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { getPolicyVersion } from "~/services/policy.server";
import { addTrialEvent, type TrialWithLines } from "./case.server";
import { TRIAL_LINE_PRODUCTS_QUERY } from "./graphql";

// The trial's selling plan on a line proves nothing: a forged cart can carry it on a product the
// policy does not offer the trial on (a flat), and checkout's Function and Shopify's own refusal
// are not the app's to rely on. Before the first hold, every line's product is checked against
// the policy version the trial opened under (eligible ids and tags); an ineligible line stops the
// trial for the merchant, with the product and the rule named, and no hold is placed.

export interface EligibilityRule {
  eligibleProductIds: readonly string[];
  eligibleProductTags: readonly string[];
}

export function describeRule(rule: EligibilityRule): string {
  const parts = [
    ...(rule.eligibleProductTags.length > 0
      ? [`products tagged ${rule.eligibleProductTags.map((t) => `"${t}"`).join(" or ")}`]
      : []),
    ...(rule.eligibleProductIds.length > 0
      ? [`${rule.eligibleProductIds.length} chosen product(s)`]
      : []),
  ];
  return parts.length > 0 ? parts.join(" and ") : "no products";
}

export function isEligible(
  product: { id: string; tags: readonly string[] },
  rule: EligibilityRule,
) {
  // Shopify's tags are case-insensitive (its tag: search, which attaches the plan, ignores case).
  const tags = new Set(rule.eligibleProductTags.map((t) => t.trim().toLowerCase()));
  return (
    rule.eligibleProductIds.includes(product.id) ||
    product.tags.some((t) => tags.has(t.trim().toLowerCase()))
  );
}

/** Records the check; false when the trial must wait for the merchant. */
export async function checkTrialEligibility(
  trial: TrialWithLines,
  graphql: AdminGraphql,
): Promise<boolean> {
  const policy = await getPolicyVersion(trial.shop, trial.policyVersion);
  const rule: EligibilityRule = {
    eligibleProductIds: policy?.document.trial.eligibleProductIds ?? [],
    eligibleProductTags: policy?.document.trial.eligibleProductTags ?? [],
  };
  const productGids = [
    ...new Set(trial.lines.map((l) => l.productGid).filter(Boolean)),
  ] as string[];
  const data =
    productGids.length > 0
      ? await adminRequest(graphql, TRIAL_LINE_PRODUCTS_QUERY, {
          query: productGids.map((gid) => `id:${gid.split("/").pop()}`).join(" OR "),
        })
      : { products: { nodes: [] } };
  const products = new Map(data.products.nodes.map((p) => [p.id, p]));
  const ineligible = trial.lines.filter((l) => {
    const product = l.productGid ? products.get(l.productGid) : undefined;
    return !product || !isEligible(product, rule);
  });
  const at = now();
  const reason =
    ineligible.length > 0
      ? `Not eligible for the home trial: ${ineligible
          .map((l) => `${l.title}${l.variantTitle ? ` (${l.variantTitle})` : ""}`)
          .join(
            ", ",
          )} bought on the trial plan, but the trial policy (v${trial.policyVersion}) offers the trial on ${describeRule(rule)} only. No card hold was placed: cancel the order, or collect it as a regular sale.`
      : null;
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.trial.update({
        where: { id: trial.id },
        data: {
          eligibilityCheckedAt: at,
          ineligibleReason: reason,
          ...(reason ? { attentionReason: reason } : {}),
        },
      });
      if (reason)
        await addTrialEvent(tx, trial.id, trial.shop, {
          kind: "eligibility",
          message: reason,
          dedupeKey: "eligibility",
          occurredAt: at,
          data: ineligible.map((l) => ({ line: l.lineItemGid, product: l.productGid })),
        });
    }),
  );
  if (reason) shopLogger(trial.shop, { trialId: trial.id }).warn("trial line not eligible");
  return reason === null;
}
