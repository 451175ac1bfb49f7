// The trial terms shown at checkout, from the published storefront policy: pure, so the words
// are tested without a checkout.

export interface PublishedTrialPolicy {
  trial?: {
    enabled?: boolean;
    sellingPlanId?: string | null;
    boxFee?: { amount: number; currency: string };
    holdAmount?: { amount: number; currency: string };
    holdIsOrderValue?: boolean;
    windowDays?: number;
    /** Set once the fee is added to the cart as its own line; until then no fee is stated. */
    feeVariantId?: string | null;
  };
}

export interface TrialTerms {
  heading: string;
  lines: string[];
}

export function trialTerms(
  policy: PublishedTrialPolicy | null,
  cartSellingPlanIds: (string | undefined)[],
  formatMoney: (minor: number) => string,
): TrialTerms | null {
  const trial = policy?.trial;
  if (!trial?.enabled || !trial.sellingPlanId) return null;
  const pairs = cartSellingPlanIds.filter((id) => id === trial.sellingPlanId).length;
  if (pairs === 0) return null;
  const days = trial.windowDays ?? 7;
  const lines: string[] = [];
  if (trial.boxFee && trial.boxFee.amount > 0 && trial.feeVariantId)
    lines.push(`Trial box fee: ${formatMoney(trial.boxFee.amount)}.`);
  lines.push(
    trial.holdIsOrderValue || !trial.holdAmount
      ? "Nothing is charged today. We place a temporary hold for the pairs' value on your card; it may show as pending."
      : `Nothing is charged today. We place a temporary hold of up to ${formatMoney(trial.holdAmount.amount)} on your card; it may show as pending.`,
  );
  lines.push(`Your ${days} days start the day your box is delivered; shipping days don't count.`);
  lines.push(
    `The day after your ${days}th day, we charge only for the pairs you keep. Pairs you have sent back by then are never charged, even while they are still on their way to us.`,
  );
  return { heading: pairs === 1 ? "Your home trial" : `Your home trial (${pairs} pairs)`, lines };
}
