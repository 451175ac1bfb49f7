// How a settled amount is collected with the tools Shopify gives each plan.
//
// - A live authorization (the hold) is captured for what is owed, in one final capture, and
//   whatever is left of it is released; nothing owed → the hold is voided. Returned pairs are
//   taken off the order (a refund of no money) so no balance is left to fall due.
// - No live hold on Plus: a mandate payment with `amount`.
// - No live hold elsewhere (`amount` is Plus-only): the returned lines are refunded off the order
//   first (no money moves: they were never paid), so the outstanding balance is exactly what is
//   kept, then the mandate payment charges that balance.
// A shortfall the plan cannot collect (a damage fee above the hold on a Standard shop) is not
// guessed at: the trial goes to the merchant.

export type PaymentStep =
  | { kind: "capture"; amount: number; authorizationGid: string }
  | { kind: "void"; authorizationGid: string }
  | { kind: "remove_lines"; lineItemGids: string[] }
  | { kind: "charge"; amount: number; withAmount: boolean };

export interface LiveAuthorization {
  gid: string;
  capturable: number;
  expiresAt: Date;
}

export interface PaymentPlanInput {
  owed: number;
  itemsOwed: number;
  returnedLineGids: string[];
  authorization: LiveAuthorization | null;
  plus: boolean;
  now: Date;
}

export interface PaymentPlan {
  steps: PaymentStep[];
  /** Owed but not collectable by any step: the merchant decides. */
  uncollectable: number;
}

/** An authorization that expires within this margin is treated as gone: captures race expiry. */
export const EXPIRY_MARGIN_MS = 2 * 3_600_000;

export function isLive(auth: LiveAuthorization | null, now: Date): auth is LiveAuthorization {
  return (
    auth !== null &&
    auth.capturable > 0 &&
    auth.expiresAt.getTime() - EXPIRY_MARGIN_MS > now.getTime()
  );
}

export function paymentPlan(input: PaymentPlanInput): PaymentPlan {
  const { owed, authorization, plus, now } = input;
  // Returned pairs leave the order in every case: otherwise Shopify keeps their price as an
  // outstanding balance and its own due date would call the order overdue.
  const removal: PaymentStep[] =
    input.returnedLineGids.length > 0
      ? [{ kind: "remove_lines", lineItemGids: input.returnedLineGids }]
      : [];
  if (isLive(authorization, now)) {
    if (owed === 0)
      return {
        steps: [...removal, { kind: "void", authorizationGid: authorization.gid }],
        uncollectable: 0,
      };
    const captured = Math.min(owed, authorization.capturable);
    const rest = owed - captured;
    const steps: PaymentStep[] = [
      { kind: "capture", amount: captured, authorizationGid: authorization.gid },
      ...removal,
    ];
    if (rest > 0 && plus) steps.push({ kind: "charge", amount: rest, withAmount: true });
    return { steps, uncollectable: rest > 0 && !plus ? rest : 0 };
  }
  if (owed === 0) return { steps: removal, uncollectable: 0 };
  if (plus)
    return {
      steps: [...removal, { kind: "charge", amount: owed, withAmount: true }],
      uncollectable: 0,
    };
  const steps: PaymentStep[] = [...removal];
  // The balance charge collects the kept pairs; fees have no line to stand on without Plus.
  if (input.itemsOwed > 0)
    steps.push({ kind: "charge", amount: input.itemsOwed, withAmount: false });
  return { steps, uncollectable: owed - input.itemsOwed };
}

/**
 * When to re-authorize: a day before the hold lapses, as long as the trial will still be open
 * then. A hold that lapses after settlement would have happened needs no renewal.
 */
export function reauthorizeAt(expiresAt: Date, settlesNoEarlierThan: Date | null): Date | null {
  const at = new Date(expiresAt.getTime() - 24 * 3_600_000);
  if (
    settlesNoEarlierThan &&
    settlesNoEarlierThan.getTime() + EXPIRY_MARGIN_MS < expiresAt.getTime()
  )
    return null;
  return at;
}

/**
 * The hold placed for a trial: Plus chooses it (the policy's amount, never above the pairs' value);
 * elsewhere Shopify holds the order's outstanding balance, which `0` (no amount) asks for.
 */
export function holdAmount(
  plus: boolean,
  pairsValue: number,
  policyHold: number | undefined,
): number {
  if (!plus) return 0;
  return Math.min(policyHold ?? pairsValue, pairsValue);
}

/**
 * What the merchant is told when the card hold lapsed before the app renewed it (its scheduled
 * work did not run in time, e.g. the worker was down across the hold's expiry): the kept pairs
 * are then charged to the card on file, which the bank can decline, instead of captured from a
 * hold that is sure to pay. Null while the hold is live, or when there is no lapse to speak of.
 */
export function lapsedHoldNotice(
  input: {
    authorization: LiveAuthorization | null;
    settledAt: Date | null;
    cancelledAt: Date | null;
    authorizationFailedAt: Date | null;
    /** What the settlement found owed (null until settled). */
    owed: number | null;
  },
  now: Date,
): string | null {
  const { authorization } = input;
  if (!authorization || input.cancelledAt || input.authorizationFailedAt) return null;
  const at = input.settledAt ?? now;
  const expiresAt = authorization.expiresAt;
  if (isLive(authorization, at)) return null;
  if (input.settledAt && !input.owed) return null;
  const lapsed = expiresAt.toISOString().slice(0, 16).replace("T", " ");
  return input.settledAt
    ? `The card hold lapsed (${lapsed} UTC) before the app could renew it: what was kept was charged to the card on file instead of captured from the hold.`
    : `The card hold lapsed (${lapsed} UTC) before the app could renew it: the app places a new hold at its next look; if the trial ends first, what is kept is charged to the card on file, which the bank can decline.`;
}
