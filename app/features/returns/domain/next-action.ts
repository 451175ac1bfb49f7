// The one place that decides what a return needs next. The return's job asks it, does that one
// thing on Shopify (or tells the merchant), records it, and asks again; facts come from the
// shopper, the merchant and Shopify's webhooks, in any order and any number of times.

export interface ReturnFacts {
  source: "portal" | "customer_account" | "merchant";
  /** The Shopify Return, once there is one, and its status as last seen. */
  returnGid: string | null;
  shopifyStatus: "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED" | "CANCELED" | null;
  /** What the rules decided (decide.ts), summarised. */
  decision: {
    allDeclined: boolean;
    review: string[];
    needsChoice: boolean;
    prepaidLabel: boolean;
    /** Pairs to send back or refused at inspection, still on the Shopify return. */
    sentBackOnReturn: boolean;
  };
  /** The merchant's answer to a return the rules could not decide. */
  review: "approved" | "declined" | null;
  requestedAt: Date;
  approvedAt: Date | null;
  declinedAt: Date | null;
  labelUrl: string | null;
  labelsAvailable: boolean;
  trackingNumber: string | null;
  trackingAttachedAt: Date | null;
  receivedAt: Date | null;
  allInspected: boolean;
  choiceRequestedAt: Date | null;
  exchangeReleaseRequested: boolean;
  exchangeReleasedAt: Date | null;
  processedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  expiredAt: Date | null;
  parcelFlaggedAt: Date | null;
  notifiedReviewAt: Date | null;
  notifiedReceivedAt: Date | null;
}

export interface ReturnTimers {
  autoApprove: boolean;
  parcelReminderDays: number;
  approvedReturnExpiryDays: number;
}

export type ReturnAction =
  | { kind: "notify_review" }
  | { kind: "decline"; shopify: boolean }
  | { kind: "approve"; create: boolean }
  | { kind: "attach_label" }
  | { kind: "attach_tracking" }
  | { kind: "flag_no_parcel" }
  | { kind: "expire" }
  | { kind: "notify_received" }
  | { kind: "ask_choice" }
  | { kind: "release_exchange" }
  | { kind: "remove_sent_back" }
  | { kind: "process" }
  | { kind: "close" }
  | { kind: "wait"; until: Date | null; reason: string };

const DAY = 86_400_000;
const after = (from: Date, days: number) => new Date(from.getTime() + days * DAY);

export function nextReturnAction(f: ReturnFacts, timers: ReturnTimers, now: Date): ReturnAction {
  const done = (reason: string): ReturnAction => ({ kind: "wait", until: null, reason });
  if (f.cancelledAt) return done("cancelled");
  if (f.expiredAt) return done("expired: never sent back");
  if (f.declinedAt || f.shopifyStatus === "DECLINED") return done("declined");
  if (f.closedAt || f.shopifyStatus === "CLOSED") return done("closed");

  const approved = f.approvedAt !== null || f.shopifyStatus === "OPEN";
  if (!approved) {
    const requestedOnShopify = f.shopifyStatus === "REQUESTED";
    if (f.review === "declined" || (f.decision.allDeclined && f.review !== "approved"))
      return { kind: "decline", shopify: requestedOnShopify };
    const undecided = f.decision.review.length > 0 || !timers.autoApprove;
    if (undecided && f.review !== "approved") {
      if (!f.notifiedReviewAt) return { kind: "notify_review" };
      return { kind: "wait", until: null, reason: "waiting for the merchant's review" };
    }
    return { kind: "approve", create: !requestedOnShopify && !f.returnGid };
  }

  if (f.decision.prepaidLabel && !f.labelUrl && f.labelsAvailable) return { kind: "attach_label" };
  if (f.trackingNumber && !f.trackingAttachedAt) return { kind: "attach_tracking" };
  if (f.exchangeReleaseRequested && !f.exchangeReleasedAt) return { kind: "release_exchange" };

  if (!f.receivedAt) {
    const since = f.approvedAt ?? f.requestedAt;
    const expiresAt = after(since, timers.approvedReturnExpiryDays);
    if (now >= expiresAt) return { kind: "expire" };
    const flagAt = after(since, timers.parcelReminderDays);
    const moving = f.trackingAttachedAt !== null;
    if (!moving && !f.parcelFlaggedAt && now >= flagAt) return { kind: "flag_no_parcel" };
    return {
      kind: "wait",
      until: !moving && !f.parcelFlaggedAt ? flagAt : expiresAt,
      reason: "waiting for the shopper's parcel",
    };
  }
  if (!f.notifiedReceivedAt) return { kind: "notify_received" };
  if (!f.allInspected) return { kind: "wait", until: null, reason: "waiting for inspection" };
  if (f.decision.needsChoice) {
    if (!f.choiceRequestedAt) return { kind: "ask_choice" };
    return { kind: "wait", until: null, reason: "waiting for the shopper's choice" };
  }
  if (!f.processedAt) {
    if (f.decision.sentBackOnReturn) return { kind: "remove_sent_back" };
    return { kind: "process" };
  }
  return { kind: "close" };
}

/** Where a return stands, for the merchant's queues. */
export const RETURN_STATUSES = [
  "to_review",
  "awaiting_parcel",
  "to_inspect",
  "awaiting_shopper",
  "to_refund",
  "done",
  "declined",
  "cancelled",
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export function returnStatus(f: ReturnFacts): ReturnStatus {
  if (f.cancelledAt || f.expiredAt) return "cancelled";
  if (f.declinedAt || f.shopifyStatus === "DECLINED") return "declined";
  if (f.processedAt || f.closedAt || f.shopifyStatus === "CLOSED") return "done";
  const approved = f.approvedAt !== null || f.shopifyStatus === "OPEN";
  if (!approved) return "to_review";
  if (!f.receivedAt) return "awaiting_parcel";
  if (!f.allInspected) return "to_inspect";
  if (f.decision.needsChoice) return "awaiting_shopper";
  return "to_refund";
}

export const RETURN_STATUS_LABELS: Record<ReturnStatus, string> = {
  to_review: "To review",
  awaiting_parcel: "Awaiting parcel",
  to_inspect: "To inspect",
  awaiting_shopper: "Awaiting the shopper",
  to_refund: "To refund or credit",
  done: "Done",
  declined: "Declined",
  cancelled: "Cancelled",
};
