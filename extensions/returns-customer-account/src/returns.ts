// The return request the order action builds and what it reads back from the app: pure, so the
// rules of the modal (which lines, which outcome, what the shopper is told) are tested without a
// customer account. The app's answers are those of app/routes/api.customer-account.returns.tsx.

import { APP_URL } from "./app-url";

/** Where the app is served (shopify.app.toml `application_url`, via scripts/extension-app-url.mjs). */
export { APP_URL };
export const RETURNS_API = `${APP_URL}/api/customer-account/returns`;

export type Outcome = "refund" | "store_credit" | "exchange";

export interface OrderLine {
  lineItemGid: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  returnable: boolean;
  declineNote: string | null;
  offered: Outcome[];
  lastDay: string | null;
  elsewhere: "trial" | "fit" | null;
  exchange: {
    variantGid: string;
    title: string;
    available: boolean;
    madeToOrderShipDate: string | null;
  }[];
}

export interface PortalOrder {
  id: string;
  name: string;
  currency: string;
  handlingFee: number;
  marketplace: { label: string; instructions: string } | null;
  lines: OrderLine[];
}

export interface Decision {
  currency: string;
  totals: {
    value: number;
    refund: number;
    storeCredit: number;
    handlingFee: number;
    restockingFee: number;
  };
  items: {
    title: string;
    outcome: Outcome | "send_back" | null;
    decline: { note: string } | null;
  }[];
  shipping: { prepaidLabel: boolean; trackingRequired: boolean; hsCode: string | null };
}

export interface Selection {
  reason: string;
  outcome: Outcome;
  exchangeVariantGid: string | null;
  fitFeedback: string | null;
}

export const REASONS: [string, string][] = [
  ["SIZE_TOO_SMALL", "Size was too small"],
  ["SIZE_TOO_LARGE", "Size was too large"],
  ["STYLE", "Style"],
  ["COLOR", "Color"],
  ["UNWANTED", "Changed my mind"],
  ["NOT_AS_DESCRIBED", "Not as described"],
  ["DEFECTIVE", "Damaged or defective"],
  ["WRONG_ITEM", "Received the wrong item"],
];

export const FIT: [string, string][] = [
  ["", "No comment"],
  ["too_tight", "Too tight"],
  ["too_loose", "Too loose"],
  ["heel_slip", "Heel slips"],
];

/** The first outcome a line offers: the default choice. */
export function defaultSelection(line: OrderLine): Selection {
  return {
    reason: "SIZE_TOO_SMALL",
    outcome: line.offered[0] ?? "store_credit",
    exchangeVariantGid: null,
    fitFeedback: null,
  };
}

export type Built =
  | { ok: true; body: { intent: "preview" | "submit"; orderId: string; lines: unknown[] } }
  | { ok: false; message: string };

/** The JSON the app expects, or what the shopper still has to choose. */
export function buildRequest(
  intent: "preview" | "submit",
  orderGid: string,
  order: PortalOrder,
  selected: Readonly<Record<string, Selection>>,
): Built {
  const lines = order.lines.filter((l) => l.returnable && selected[l.lineItemGid]);
  if (lines.length === 0) return { ok: false, message: "Choose at least one item." };
  const out: unknown[] = [];
  for (const line of lines) {
    const s = selected[line.lineItemGid] as Selection;
    if (!line.offered.includes(s.outcome))
      return { ok: false, message: `${line.title}: choose one of the options offered.` };
    if (s.outcome === "exchange" && !s.exchangeVariantGid)
      return { ok: false, message: `${line.title}: choose the size to exchange for.` };
    out.push({
      lineItemGid: line.lineItemGid,
      quantity: 1,
      reason: s.reason,
      fitFeedback: s.fitFeedback,
      outcome: s.outcome,
      exchangeVariantGid: s.outcome === "exchange" ? s.exchangeVariantGid : null,
    });
  }
  return { ok: true, body: { intent, orderId: orderGid, lines: out } };
}

/** What the shopper reads before submitting: the exact amounts. */
export function summary(decision: Decision, money: (minor: number) => string): string[] {
  const t = decision.totals;
  const lines: string[] = [];
  if (t.refund) lines.push(`Refund to your original payment: ${money(t.refund)}`);
  if (t.handlingFee) lines.push(`Handling fee deducted: ${money(t.handlingFee)}`);
  if (t.storeCredit) lines.push(`Store credit: ${money(t.storeCredit)}`);
  if (t.storeCredit && !t.handlingFee) lines.push("No handling fee for store credit.");
  for (const item of decision.items)
    if (item.outcome === "exchange") lines.push(`${item.title}: exchanged at no cost.`);
  if (decision.shipping.prepaidLabel) lines.push("We email you a prepaid return label.");
  if (decision.shipping.trackingRequired)
    lines.push(
      `Ship it to our US warehouse and add the tracking link${decision.shipping.hsCode ? ` (HS code ${decision.shipping.hsCode})` : ""}.`,
    );
  return lines;
}

/** Why a line is not in the form, and where it goes instead. */
export function whyNot(line: OrderLine): string {
  if (line.elsewhere === "trial") return `${line.declineNote ?? ""} See your trial page.`.trim();
  if (line.elsewhere === "fit") return `${line.declineNote ?? ""} See your fit page.`.trim();
  return line.declineNote ?? "This item cannot be returned.";
}
