// The Returns page's queues (a status each, but for the finished ones) and its filters.
import type { StatusTone } from "~/domain/status-tone";

export const RETURN_QUEUES = [
  "to_review",
  "awaiting_parcel",
  "to_inspect",
  "awaiting_shopper",
  "to_refund",
  "done",
  "closed",
] as const;
export type ReturnQueue = (typeof RETURN_QUEUES)[number];

export const RETURN_QUEUE_LABELS: Record<ReturnQueue, string> = {
  to_review: "To review",
  awaiting_parcel: "Awaiting parcel",
  to_inspect: "To inspect",
  awaiting_shopper: "Awaiting the shopper",
  to_refund: "To refund",
  done: "Done",
  closed: "Declined or cancelled",
};

export const RETURN_OUTCOMES = ["refund", "store_credit", "exchange", "send_back"] as const;

/** Shopify's return reasons a shopper picks from (ReturnReason), for the reason filter. */
export const RETURN_REASONS = [
  "SIZE_TOO_SMALL",
  "SIZE_TOO_LARGE",
  "UNWANTED",
  "STYLE",
  "COLOR",
  "NOT_AS_DESCRIBED",
  "WRONG_ITEM",
  "DEFECTIVE",
  "OTHER",
] as const;

export const RETURN_STATUS_TONES: Record<string, StatusTone> = {
  to_review: "attention",
  awaiting_parcel: "info",
  to_inspect: "warning",
  awaiting_shopper: "info",
  to_refund: "warning",
  done: "success",
  declined: undefined,
  cancelled: undefined,
};
