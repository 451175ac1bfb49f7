import type { OrderPayload } from "./orders";

// What happened to an order, as the webhook topic handlers (app/webhooks/handlers) tell every
// policy that subscribes to it in the registry (app/policies.server.ts). A policy records what
// concerns it as a fact on its own case; the topic handlers know no policy.

export interface OrderCreatedFact {
  shop: string;
  order: OrderPayload;
  /** The delivery that carried it: facts written twice for one delivery are written once. */
  deliveryId: string;
}

export interface OrderCancelledFact {
  shop: string;
  orderGid: string;
  at: Date;
}

/** orders/paid: the order is paid in full (after a pending payment, a deferred one, a capture). */
export interface OrderPaidFact {
  shop: string;
  orderGid: string;
  at: Date;
}

export interface FulfilledFact {
  shop: string;
  orderGid: string;
  fulfillmentGid: string;
  lineItemGids: string[];
  /** When the fulfillment was created (a later update of it keeps this instant). */
  at: Date;
}

export interface DeliveredFact {
  shop: string;
  orderGid: string;
  fulfillmentGid: string;
  /** The carrier's delivery instant. */
  at: Date;
  /** When the app heard of it (default: now); a scan replayed from the timeline keeps its own. */
  reportedAt?: Date;
}

/** Shopify's return statuses as the returns/* topics report them. */
export type ReturnStep =
  "requested" | "approved" | "declined" | "processed" | "closed" | "cancelled" | "reopened";

export interface ReturnFact {
  shop: string;
  orderGid: string;
  returnGid: string;
  step: ReturnStep;
  /** The order lines being returned. */
  lineItemGids: string[];
  /** A return's exchange items (REST exchange_line_items), when it has any. */
  exchangeLines: unknown[];
  at: Date;
  /** Unique per (return, step): the dedupe key of what a policy records for it. */
  key: string;
}

/** A refund on the order (refunds/create): by a policy's own step, or by the merchant in Shopify. */
export interface RefundedFact {
  shop: string;
  orderGid: string;
  refundGid: string;
  /** The Shopify return it was made through, if any. */
  returnGid: string | null;
  lineItems: { lineItemGid: string; quantity: number }[];
  at: Date;
}

/** The order facts a policy subscribes to; each is optional. */
export interface OrderFacts {
  orderCreated?(fact: OrderCreatedFact): Promise<unknown>;
  orderCancelled?(fact: OrderCancelledFact): Promise<unknown>;
  orderPaid?(fact: OrderPaidFact): Promise<unknown>;
  fulfilled?(fact: FulfilledFact): Promise<unknown>;
  delivered?(fact: DeliveredFact): Promise<unknown>;
  returned?(fact: ReturnFact): Promise<unknown>;
  refunded?(fact: RefundedFact): Promise<unknown>;
}
