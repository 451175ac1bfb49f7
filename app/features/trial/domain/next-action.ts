import { isLive, reauthorizeAt, type LiveAuthorization } from "./payment-plan";
import {
  settlementReadiness,
  type Settlement,
  type SettlementTerms,
  type TrialLineFacts,
} from "./settlement";
import { fallbackStartsAt, trialWindow, type TrialWindow, type WindowTerms } from "./window";

// The one place that decides what a trial needs next. The trial job asks it, does that one
// thing, records it, and asks again: so a retry, a duplicate webhook or a crash mid-way always
// resumes from the recorded facts instead of from what a handler remembered.

export type TrialTerms = WindowTerms &
  SettlementTerms & {
    onAuthorizationFailure: "cancel" | "wait_for_card_update";
    /** The hold a Plus shop places (minor units); other shops hold the order's value. */
    holdAmount?: number;
    exchangesAllowed?: number;
  };

export interface TrialSnapshot {
  terms: TrialTerms;
  orderedAt: Date;
  fulfilledAt: Date | null;
  deliveredAt: Date | null;
  deliveryReportedAt: Date | null;
  extensionDays: number;
  cancelledAt: Date | null;
  /** The settlement decision, once made, is final. */
  settledAt: Date | null;
  authorizationAttempts: number;
  authorizationFailedAt: Date | null;
  authorization: LiveAuthorization | null;
  remindedAt: Date | null;
  /** A line the policy does not make eligible was bought on the trial plan: the merchant decides. */
  ineligibleReason?: string | null;
  /** The merchant asked to settle now instead of at the end of the window. */
  settleRequestedAt: Date | null;
  lines: TrialLineFacts[];
}

export type TrialAction =
  | { kind: "authorize" }
  | { kind: "reauthorize" }
  | { kind: "release_hold"; reason: string }
  | { kind: "remind"; window: TrialWindow }
  | { kind: "settle"; window: TrialWindow | null; settlement: Settlement }
  | { kind: "cancel_order"; reason: string }
  | { kind: "wait"; until: Date | null; reason: string };

export function nextTrialAction(trial: TrialSnapshot, now: Date): TrialAction {
  if (trial.settledAt) return { kind: "wait", until: null, reason: "settled" };
  if (trial.cancelledAt) {
    return isLive(trial.authorization, now)
      ? { kind: "release_hold", reason: "order cancelled" }
      : { kind: "wait", until: null, reason: "cancelled" };
  }
  // No hold for a trial the policy does not allow (a forged cart): it waits for the merchant.
  if (trial.ineligibleReason && trial.authorizationAttempts === 0)
    return {
      kind: "wait",
      until: null,
      reason: "not eligible for the trial: the merchant decides",
    };
  if (trial.authorizationAttempts === 0) return { kind: "authorize" };

  const window = trialWindow(trial.terms, trial, now);
  // "Charge now" ends the window when the merchant asked; returns sent before that still count.
  const early =
    trial.settleRequestedAt !== null && (!window || trial.settleRequestedAt < window.closesAt);
  const closesAt = early ? trial.settleRequestedAt : (window?.closesAt ?? null);
  const readiness = closesAt
    ? settlementReadiness(trial.lines, trial.terms, closesAt, now, early ? 0 : undefined)
    : null;

  // Settlement does not depend on the hold: a lapsed or declined hold is charged directly.
  if (readiness?.ready) return { kind: "settle", window, settlement: readiness.settlement };

  // A declined hold is not retried on a loop (that is how cards get locked): the trial waits for a
  // card update or the merchant, and still settles at the end against whatever hold is left.
  if (trial.authorizationFailedAt) {
    if (
      trial.terms.onAuthorizationFailure === "cancel" &&
      !trial.fulfilledAt &&
      !isLive(trial.authorization, now)
    )
      return { kind: "cancel_order", reason: "the card on file could not be authorized" };
    const until = window && readiness && !readiness.ready ? readiness.until : null;
    return { kind: "wait", until, reason: "hold declined: waiting for a card update" };
  }

  const settlesNoEarlierThan = readiness && !readiness.ready ? readiness.until : null;
  const renewAt = trial.authorization
    ? reauthorizeAt(trial.authorization.expiresAt, settlesNoEarlierThan)
    : null;
  if (!isLive(trial.authorization, now) || (renewAt && renewAt.getTime() <= now.getTime()))
    return { kind: "reauthorize" };

  if (window && !trial.remindedAt && now >= window.remindAt && now < window.closesAt)
    return { kind: "remind", window };

  const candidates: Date[] = [];
  if (renewAt) candidates.push(renewAt);
  if (!window) {
    if (trial.fulfilledAt) candidates.push(fallbackStartsAt(trial.terms, trial.fulfilledAt));
  } else {
    if (!trial.remindedAt && now < window.remindAt) candidates.push(window.remindAt);
    if (readiness && !readiness.ready) candidates.push(readiness.until);
  }
  const until =
    candidates.length > 0 ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null;
  const reason = !trial.fulfilledAt
    ? "awaiting shipment"
    : !window
      ? "in transit"
      : readiness && !readiness.ready
        ? readiness.reason === "window_open"
          ? "trial window open"
          : "returns in transit"
        : "waiting";
  return { kind: "wait", until, reason };
}
