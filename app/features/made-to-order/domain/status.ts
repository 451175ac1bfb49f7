import type { StatusTone } from "~/domain/status-tone";

// Where a made-to-order case stands, for the merchant's queues. A fitting pair still out after
// the fit is confirmed is its own queue ("to be returned") alongside production, so it is a
// separate question (`fittingPairOutstanding`), not a status.

export const MTO_STATUSES = [
  "fitting_pair_to_ship",
  "awaiting_fit",
  "size_change_needed",
  "in_production",
  "shipped",
  "cancelled",
] as const;
export type MtoStatus = (typeof MTO_STATUSES)[number];

export interface MtoStatusFacts {
  path: "confirmed_size" | "fitting_first";
  fittingPairShippedAt: Date | null;
  fitConfirmedAt: Date | null;
  sizeChange: "none" | "requested" | "needs_merchant";
  shippedAt: Date | null;
  cancelledAt: Date | null;
}

export function mtoStatus(c: MtoStatusFacts): MtoStatus {
  if (c.cancelledAt) return "cancelled";
  if (c.shippedAt) return "shipped";
  if (c.path === "confirmed_size") return "in_production";
  if (!c.fitConfirmedAt) return c.fittingPairShippedAt ? "awaiting_fit" : "fitting_pair_to_ship";
  return c.sizeChange === "needs_merchant" ? "size_change_needed" : "in_production";
}

/** Why a case needs the merchant, if it does (the "Needs attention" queue says the same in SQL). */
export function mtoAttention(c: {
  status: MtoStatus;
  escalatedAt: Date | null;
  fitConfirmedAt: Date | null;
  fittingPairOverdueAt: Date | null;
  fittingPairReturnedAt: Date | null;
}): string | null {
  if (c.escalatedAt && !c.fitConfirmedAt) return "No fit confirmation";
  if (c.fittingPairOverdueAt && !c.fittingPairReturnedAt) return "Fitting pair not returned";
  if (c.status === "size_change_needed") return "Size change to make";
  return null;
}

export const MTO_STATUS_LABELS: Record<MtoStatus, string> = {
  fitting_pair_to_ship: "Fitting pair to ship",
  awaiting_fit: "Awaiting fit confirmation",
  size_change_needed: "Size change to make",
  in_production: "In production",
  shipped: "Shipped",
  cancelled: "Cancelled",
};

/** The badge tone each status is shown with in the admin. */
export const MTO_STATUS_TONES: Record<MtoStatus, StatusTone> = {
  fitting_pair_to_ship: "info",
  awaiting_fit: "info",
  size_change_needed: "warning",
  in_production: "info",
  shipped: "success",
  cancelled: undefined,
};

/** The Made-to-order page's queues (a case can be in production and owe its fitting pair). */
export const MTO_QUEUES = [
  "fitting_pair_to_ship",
  "awaiting_fit",
  "fitting_pair_to_return",
  "in_production",
  "shipped",
  "attention",
] as const;
export type MtoQueue = (typeof MTO_QUEUES)[number];

export const QUEUE_LABELS: Record<MtoQueue, string> = {
  fitting_pair_to_ship: "Fitting pair to ship",
  awaiting_fit: "Awaiting fit confirmation",
  fitting_pair_to_return: "Fitting pair to be returned",
  in_production: "In production",
  shipped: "Shipped",
  attention: "Needs attention",
};
