import type { TrialSnapshot } from "./next-action";
import type { StatusTone } from "~/domain/status-tone";
import { trialWindow } from "./window";

// The state a merchant sees on the Trials page, derived from the same facts as the next action.

export const TRIAL_STATUSES = [
  "awaiting_authorization",
  "awaiting_shipment",
  "in_transit",
  "delivered",
  "ending_soon",
  "awaiting_returns",
  "charged",
  "closed",
  "needs_attention",
  "cancelled",
] as const;
export type TrialStatus = (typeof TRIAL_STATUSES)[number];

/** Trials still running (or waiting for a person): the "Open" view and the Overview count. */
const FINISHED: readonly TrialStatus[] = ["charged", "closed", "cancelled"];
export const OPEN_TRIAL_STATUSES: readonly TrialStatus[] = TRIAL_STATUSES.filter(
  (status) => !FINISHED.includes(status),
);

export const TRIAL_STATUS_LABELS: Record<TrialStatus, string> = {
  awaiting_authorization: "Awaiting authorization",
  awaiting_shipment: "Awaiting shipment",
  in_transit: "In transit",
  delivered: "Delivered",
  ending_soon: "Ending soon",
  awaiting_returns: "Awaiting returns",
  charged: "Charged",
  closed: "Closed",
  needs_attention: "Needs attention",
  cancelled: "Cancelled",
};

/** The badge tone each status is shown with in the admin. */
export const TRIAL_STATUS_TONES: Record<TrialStatus, StatusTone> = {
  awaiting_authorization: "info",
  awaiting_shipment: "info",
  in_transit: "info",
  delivered: "success",
  ending_soon: "attention",
  awaiting_returns: "warning",
  charged: undefined,
  closed: undefined,
  needs_attention: "critical",
  cancelled: undefined,
};

export interface StatusExtras {
  attentionReason: string | null;
  collected: number;
}

export function trialStatus(trial: TrialSnapshot, extras: StatusExtras, now: Date): TrialStatus {
  if (extras.attentionReason) return "needs_attention";
  if (trial.cancelledAt) return "cancelled";
  if (trial.settledAt) return extras.collected > 0 ? "charged" : "closed";
  if (trial.authorizationAttempts === 0) return "awaiting_authorization";
  if (!trial.fulfilledAt && !trial.deliveredAt) return "awaiting_shipment";
  const window = trialWindow(trial.terms, trial, now);
  if (!window) return "in_transit";
  if (now >= window.closesAt) return "awaiting_returns";
  return now >= window.remindAt ? "ending_soon" : "delivered";
}
