import type { ReturnCaseLine, ReturnEvent } from "@prisma/client";
import prisma from "~/db.server";
import { addTracking, chooseOutcome } from "./actions.server";
import { caseDecision, caseFacts, findCase, termsOf, type FullCase } from "./case.server";
import { marketFor } from "./domain/terms";
import { returnStatus, type ReturnStatus } from "./domain/next-action";
import { labelsAvailable } from "./labels.server";
import { mayAccess, type ShopperAccess } from "./portal-access.server";
import { ShopperAccessError } from "./shopper.server";

// A return as its shopper follows it: each step with its date, what remains to be done and by
// whom, the label (US) or the tracking form and HS code (international), and the choice a worn
// pair asks for. Shown only to the order's customer or the holder of a valid guest token.

export const STEP_KEYS = [
  "requested",
  "approved",
  "in_transit",
  "received",
  "inspected",
  "resolved",
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export interface StatusStep {
  key: StepKey;
  at: string | null;
}

export type NextForShopper =
  | "wait_review"
  | "print_label"
  | "label_coming"
  | "enter_tracking"
  | "parcel_moving"
  | "wait_inspection"
  | "choose"
  | "wait_refund"
  | "done"
  | "declined"
  | "cancelled";

export interface ShopperCaseView {
  id: string;
  orderId: string;
  orderName: string;
  status: ReturnStatus;
  next: NextForShopper;
  steps: StatusStep[];
  declineNote: string | null;
  labelUrl: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  trackingRequired: boolean;
  hsCode: string | null;
  currency: string;
  totals: {
    refund: number;
    storeCredit: number;
    exchange: number;
    handlingFee: number;
    restockingFee: number;
  };
  lines: {
    id: string;
    title: string;
    quantity: number;
    outcome: string;
    exchangeTitle: string | null;
    /** A worn pair after inspection: store credit less the fee, or sent back. */
    choice: { offered: ("store_credit" | "send_back")[]; restockingFeePercent: number } | null;
  }[];
  history: { at: string; message: string }[];
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const latest = (dates: (Date | null)[]) =>
  dates.every((d) => d !== null) && dates.length > 0
    ? new Date(Math.max(...dates.map((d) => (d as Date).getTime())))
    : null;

function eventAt(events: ReturnEvent[], pattern: RegExp): Date | null {
  return events.find((e) => pattern.test(e.kind))?.occurredAt ?? null;
}

export function stepsOf(c: FullCase, events: ReturnEvent[]): StatusStep[] {
  const inspected = c.inspectedAt ?? latest(c.lines.map((l: ReturnCaseLine) => l.inspectedAt));
  return [
    { key: "requested", at: iso(c.requestedAt) },
    { key: "approved", at: iso(c.approvedAt) },
    {
      key: "in_transit",
      at: iso(c.trackingAttachedAt ?? eventAt(events, /transit|tracking|shipped/)),
    },
    { key: "received", at: iso(c.receivedAt) },
    { key: "inspected", at: iso(inspected) },
    { key: "resolved", at: iso(c.processedAt) },
  ];
}

function nextFor(c: FullCase, status: ReturnStatus, trackingRequired: boolean): NextForShopper {
  switch (status) {
    case "declined":
      return "declined";
    case "cancelled":
      return "cancelled";
    case "done":
      return "done";
    case "to_review":
      return "wait_review";
    case "awaiting_parcel":
      if (trackingRequired) return c.trackingNumber ? "parcel_moving" : "enter_tracking";
      return c.labelUrl ? "print_label" : "label_coming";
    case "to_inspect":
      return "wait_inspection";
    case "awaiting_shopper":
      return "choose";
    case "to_refund":
      return "wait_refund";
  }
}

async function accessibleCase(shop: string, caseId: string, access: ShopperAccess) {
  const c = await findCase(shop, caseId);
  if (!c || !mayAccess(shop, c.order, access)) throw new ShopperAccessError();
  return c;
}

export async function shopperCase(
  shop: string,
  caseId: string,
  access: ShopperAccess,
): Promise<ShopperCaseView> {
  const c = await accessibleCase(shop, caseId, access);
  const events = await prisma.returnEvent.findMany({
    where: { caseId: c.id, shop },
    orderBy: { occurredAt: "asc" },
  });
  const decision = caseDecision(c);
  const status = returnStatus(caseFacts(c, labelsAvailable()));
  const trackingRequired = decision?.shipping.trackingRequired ?? false;
  const market = marketFor(termsOf(c.order), c.order.shippingCountry);
  return {
    id: c.id,
    orderId: c.orderId,
    orderName: c.order.orderName,
    status,
    next: nextFor(c, status, trackingRequired),
    steps: stepsOf(c, events),
    declineNote: c.declineNote,
    labelUrl: c.labelUrl,
    trackingNumber: c.trackingNumber,
    trackingUrl: c.trackingUrl,
    trackingRequired,
    hsCode: decision?.shipping.hsCode ?? null,
    currency: decision?.currency ?? c.order.currencyCode,
    totals: decision?.totals ?? {
      refund: 0,
      storeCredit: 0,
      exchange: 0,
      handlingFee: 0,
      restockingFee: 0,
    },
    lines: c.lines.map((l) => {
      const item = decision?.items.find((i) => i.lineItemGid === l.lineItemGid);
      const orderLine = c.order.lines.find((o) => o.lineItemGid === l.lineItemGid);
      const waiting = item && !item.decline && item.outcome === null && l.inspectedAt !== null;
      return {
        id: l.id,
        title: item?.title ?? orderLine?.title ?? "Item",
        quantity: l.quantity,
        outcome: item?.outcome ?? l.outcome,
        exchangeTitle: l.exchangeTitle,
        choice: waiting
          ? {
              offered: item.offered.filter(
                (o): o is "store_credit" | "send_back" => o === "store_credit" || o === "send_back",
              ),
              restockingFeePercent: market.restockingFeePercent,
            }
          : null,
      };
    }),
    history: events.map((e) => ({ at: e.occurredAt.toISOString(), message: e.message })),
  };
}

export async function shopperAddTracking(
  shop: string,
  caseId: string,
  access: ShopperAccess,
  tracking: { trackingNumber: string; trackingUrl: string | null },
) {
  const c = await accessibleCase(shop, caseId, access);
  return addTracking(shop, c.id, tracking);
}

export async function shopperChooseOutcome(
  shop: string,
  caseId: string,
  access: ShopperAccess,
  lineId: string,
  outcome: "store_credit" | "send_back",
) {
  const c = await accessibleCase(shop, caseId, access);
  return chooseOutcome(shop, c.id, lineId, outcome, "shopper");
}
