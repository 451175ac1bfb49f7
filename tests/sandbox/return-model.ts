// Shopify's return objects as the sandbox keeps them: a Return with its return line items (each
// naming a fulfillment line item), exchange line items (new variants, released onto the order
// only when processed), fees fixed at creation, reverse fulfillment orders with their reverse
// deliveries (label, tracking, the parcel's carrier scans) and dispositions.

export type ReturnStatus = "requested" | "open" | "declined" | "closed" | "canceled";

export type DispositionType = "RESTOCKED" | "NOT_RESTOCKED" | "PROCESSING_REQUIRED" | "MISSING";

export const DECLINE_REASONS = ["FINAL_SALE", "RETURN_PERIOD_ENDED", "OTHER"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export interface SandboxReturnLine {
  id: string;
  legacyId: string;
  fulfillmentLineItemId: string;
  lineItemId: string;
  /** Units in the return now (removeFromReturn lowers it). */
  quantity: number;
  processedQuantity: number;
  refundedQuantity: number;
  /** The deprecated ReturnReason enum value, derived from the definition when one is given. */
  returnReason: string;
  returnReasonDefinitionId: string | null;
  returnReasonNote: string;
  customerNote: string | null;
  /** Percent of the line's discounted price, 0–100 (30 means 30 %), or none. */
  restockingFee: { id: string; percentage: number } | null;
}

export interface SandboxExchangeLine {
  id: string;
  legacyId: string;
  variantId: string;
  productId: string;
  title: string;
  variantTitle: string;
  sku: string;
  quantity: number;
  processedQuantity: number;
  unitPrice: number;
  /** The applied discount for the whole exchange line, in minor units. */
  discount: number;
  discountDescription: string | null;
  /** Order lines made when the exchange was released for fulfilment. */
  lineItemIds: string[];
  sellingPlanId: string | null;
}

export interface SandboxDisposition {
  id: string;
  type: DispositionType;
  quantity: number;
  locationId: string | null;
  createdAt: string;
}

export interface SandboxReverseDelivery {
  id: string;
  legacyId: string;
  lines: { id: string; rfoLineItemId: string; quantity: number }[];
  tracking: { number: string | null; url: string | null; carrierName: string | null } | null;
  label: { fileUrl: string; createdAt: string; updatedAt: string } | null;
  /** The shopper's parcel as the carrier scanned it (control API: POST /reverse-deliveries/:id/scan). */
  scans: { status: string; at: string }[];
  deliveredAt: string | null;
}

export interface SandboxReverseFulfillmentOrder {
  id: string;
  legacyId: string;
  status: "OPEN" | "CLOSED" | "CANCELED";
  lines: {
    id: string;
    legacyId: string;
    returnLineItemId: string;
    fulfillmentLineItemId: string;
    totalQuantity: number;
    dispositions: SandboxDisposition[];
  }[];
  deliveries: SandboxReverseDelivery[];
}

export interface SandboxReturn {
  id: string;
  legacyId: string;
  name: string;
  status: ReturnStatus;
  /** The order lines in the return (kept for the control API's older views). */
  lineItemIds: string[];
  /** Order lines added as the exchange for the returned ones (once released). */
  exchangeLineItemIds: string[];
  createdAt: string;
  requestedAt: string | null;
  requestApprovedAt: string | null;
  closedAt: string | null;
  lines: SandboxReturnLine[];
  exchanges: SandboxExchangeLine[];
  returnShippingFee: { id: string; legacyId: string; amount: number } | null;
  /** The return shipping fee is kept once, when the first returned items are processed. */
  returnShippingFeeCharged: boolean;
  decline: { reason: DeclineReason; note: string | null } | null;
  reverseFulfillmentOrders: SandboxReverseFulfillmentOrder[];
  refundIds: string[];
}

/** Units of a return line not processed yet. */
export const unprocessed = (l: { quantity: number; processedQuantity: number }) =>
  Math.max(0, l.quantity - l.processedQuantity);

/** Returns that still hold their items (a declined or canceled return gives them back). */
export const holdsItems = (r: SandboxReturn) => r.status !== "declined" && r.status !== "canceled";
