import type { Money } from "./money";

// What the app says about one order on the customer account's order page
// (extensions/order-status-customer-account): one part per policy that has something to say about
// it. Types only, so the extension can import them and cannot drift from what the backend sends.
// Amounts are integer minor units with their currency; dates are the shop's local calendar dates
// (YYYY-MM-DD); paths are storefront paths (the app proxy) the extension puts after the store's URL.

/** A policy's part for one order of one customer, or null when it has nothing for that order. */
export type OrderStatusHook = (
  shop: string,
  orderGid: string,
  customerGid: string,
) => Promise<OrderStatusPart | null>;

export type OrderStatusPart = TrialPart | MadeToOrderPart | ReturnsPart | ReferralPart;

/** The answer of GET /api/customer-account/order-status; no parts: render nothing. */
export interface OrderStatusAnswer {
  orderId: string;
  parts: OrderStatusPart[];
}

/**
 * Where a home trial stands for the shopper: the box is on its way; it is at home (day N of the
 * window); the window has closed and the charge is fixed but not yet made (returns still on their
 * way, or the settlement's grace hours); settled with a charge, or with nothing to charge.
 */
export type TrialPhase = "not_delivered" | "at_home" | "decided" | "charged" | "closed";

export interface TrialPart {
  kind: "trial";
  phase: TrialPhase;
  /** Day N of `windowDays` as the trial counts it (the delivery day is day 0); only at home. */
  day: number | null;
  /** The window's length, extensions included. */
  windowDays: number;
  /** The last day a pair can be decided on or sent back. */
  lastDay: string | null;
  pairs: number;
  /** Pairs with neither "keep" nor "return" chosen yet. */
  undecided: number;
  /** What will be (or was) charged and on which date; null before the window starts. */
  charge: (Money & { date: string }) | null;
  /** The keep/return page. */
  path: string;
}

/**
 * A made-to-order pair: the fitting pair is being prepared, is on its way, has arrived (the fit
 * is the shopper's to confirm), the pair is in production, or it has shipped.
 */
export type MadeToOrderState =
  "fitting_pair_to_ship" | "fitting_pair_shipped" | "confirm_fit" | "in_production" | "shipped";

export interface MadeToOrderPair {
  title: string;
  variantTitle: string | null;
  state: MadeToOrderState;
  /**
   * In production: the date it ships about. Before the fit is confirmed: the date it would ship
   * about if confirmed today (or, before the fitting pair ships, the date promised at order time).
   */
  shipDate: string | null;
  /** The fit confirmation page, while the fit is the shopper's to confirm. */
  fitPath: string | null;
}

export interface MadeToOrderPart {
  kind: "made_to_order";
  pairs: MadeToOrderPair[];
}

export type ReturnState =
  | "requested"
  | "approved"
  | "in_transit"
  | "received"
  | "refunded"
  | "credited"
  | "resolved"
  | "declined";

export interface ReturnSummary {
  state: ReturnState;
  requestedAt: string;
  currency: string;
  /** Minor units refunded to the payment, or to be. */
  refund: number;
  /** Minor units of store credit, or to be. */
  storeCredit: number;
  declineNote: string | null;
}

export interface ReturnsPart {
  kind: "returns";
  /** The order's returns, newest first (cancelled and expired ones left out). */
  returns: ReturnSummary[];
  /** The return portal for this order, while a pair of it can still come back. */
  request: { path: string; lastDay: string | null } | null;
}

export interface ReferralPart {
  kind: "referral";
  code: string;
  /** The shopper's referral link. */
  path: string;
  friendReward: { kind: "amount"; amount: Money } | { kind: "percent"; percent: number };
  referrerReward: Money;
}
