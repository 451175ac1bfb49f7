import type { ReturnDecision } from "./domain/decide";
import type { Resolution } from "./domain/eligibility";
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { sizeAndWidth } from "~/domain/fit-profile";
import { recordFitOutcome } from "~/services/fit-outcomes.server";
import { now } from "~/platform/clock.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { advanceReturnSoon, addReturnEvent, decisionFor, type SnapshotOrder } from "./case.server";

// Opening a return: the shopper's request (portal or customer account) or the merchant's, checked
// against the order's own terms before anything is written. The same function gives the portal
// its preview, so what the shopper reads before submitting is what the case is opened with.

export const FIT_FEEDBACK = ["too_tight", "too_loose", "heel_slip", "other"] as const;
export type FitFeedback = (typeof FIT_FEEDBACK)[number];

export interface ReturnLineRequest {
  lineItemGid: string;
  quantity: number;
  /** Shopify's ReturnReason (SIZE_TOO_SMALL, …). */
  reason: string | null;
  reasonNote?: string | null;
  fitFeedback?: FitFeedback | null;
  wantedSize?: string | null;
  wantedWidth?: string | null;
  outcome: "refund" | "store_credit" | "exchange";
  exchange?: { variantGid: string; title: string; priceMinor: number } | null;
}

export type ReturnSource = "portal" | "customer_account" | "merchant";

/** A request that cannot be opened, naming the field the shopper or merchant must fix. */
export class ReturnRequestError extends Error {
  constructor(
    public field: string,
    message: string,
  ) {
    super(message);
    this.name = "ReturnRequestError";
  }
}

/** Each pair coming back, with its fit feedback, for the fit finder's counts. */
async function recordReturnedFits(
  tx: Prisma.TransactionClient,
  order: SnapshotOrder,
  caseId: string,
  lines: ReturnLineRequest[],
  at: Date,
) {
  for (const l of lines) {
    const line = order.lines.find((o) => o.lineItemGid === l.lineItemGid);
    const { size, width } = sizeAndWidth(line?.variantTitle);
    await recordFitOutcome(
      {
        shop: order.shop,
        customerGid: order.customerGid,
        productGid: line?.productGid ?? null,
        productTitle: line?.title ?? null,
        size,
        width,
        result: "returned",
        feedback: l.fitFeedback ?? null,
        source: "return",
        sourceRef: `${caseId}:${l.lineItemGid}`,
        lineItemGid: l.lineItemGid,
        at,
      },
      tx,
    );
  }
}

async function orderFor(shop: string, orderId: string): Promise<SnapshotOrder> {
  const order = await prisma.returnOrder.findFirst({
    where: { id: orderId, shop },
    include: { lines: true },
  });
  if (!order) throw new ReturnRequestError("order", "No such order.");
  return order;
}

function checkLines(order: SnapshotOrder, lines: readonly ReturnLineRequest[]) {
  if (lines.length === 0) throw new ReturnRequestError("lines", "Choose at least one item.");
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    const field = `lines[${i}]`;
    if (!order.lines.some((o) => o.lineItemGid === l.lineItemGid))
      throw new ReturnRequestError(`${field}.lineItemGid`, "This item is not on the order.");
    if (seen.has(l.lineItemGid))
      throw new ReturnRequestError(`${field}.lineItemGid`, "This item is listed twice.");
    seen.add(l.lineItemGid);
    if (!Number.isInteger(l.quantity) || l.quantity < 1)
      throw new ReturnRequestError(`${field}.quantity`, "Quantity must be a whole number from 1.");
    if (l.outcome === "exchange" && !l.exchange)
      throw new ReturnRequestError(`${field}.exchange`, "Choose the size to exchange for.");
  });
}

const requestsOf = (lines: readonly ReturnLineRequest[]) =>
  lines.map((l) => ({
    lineItemGid: l.lineItemGid,
    quantity: l.quantity,
    outcome: l.outcome as Resolution,
    condition: "unknown" as const,
    reason: l.reason,
    exchange: l.exchange ? { variantGid: l.exchange.variantGid, title: l.exchange.title } : null,
  }));

/** What the rules say of these items now: the portal's preview. */
export async function previewReturn(
  shop: string,
  orderId: string,
  lines: ReturnLineRequest[],
): Promise<ReturnDecision> {
  const order = await orderFor(shop, orderId);
  checkLines(order, lines);
  return decisionFor(order, requestsOf(lines), null);
}

/**
 * Opens the case; the return's job then creates (or approves, or declines) the Shopify return.
 * A request from the portal or the merchant with a pair the rules refuse is not opened: the
 * shopper is told why. A request already on Shopify (customer accounts) is opened whatever the
 * rules say, so that the job declines it there with the reason.
 */
export async function openReturnCase(
  shop: string,
  orderId: string,
  source: ReturnSource,
  lines: ReturnLineRequest[],
  shopify: {
    returnGid: string;
    returnName: string | null;
    lineGids: Record<string, string>;
  } | null = null,
): Promise<{ caseId: string; decision: ReturnDecision }> {
  const order = await orderFor(shop, orderId);
  checkLines(order, lines);
  const decision = await decisionFor(order, requestsOf(lines), null);
  // The portal sends a marketplace order's shopper to the channel before anything is created; a
  // return Shopify already has (customer accounts) is opened so the rules decline it there, with
  // the channel's instructions as the note the shopper receives.
  if (decision.marketplace && !shopify)
    throw new ReturnRequestError("order", decision.items[0]?.shopper ?? "Marketplace order.");
  if (!shopify) {
    const refused = decision.items.findIndex((i) => i.decline);
    if (refused >= 0)
      throw new ReturnRequestError(
        `lines[${refused}]`,
        decision.items[refused]?.shopper ?? "This item cannot be returned.",
      );
  }
  const at = now();
  const created = await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      const c = await tx.returnCase.create({
        data: {
          shop,
          orderId: order.id,
          source,
          returnGid: shopify?.returnGid ?? null,
          returnName: shopify?.returnName ?? null,
          shopifyStatus: shopify ? "REQUESTED" : null,
          policyVersion: decision.policyVersion,
          decision: JSON.stringify(decision),
          reviewReason: decision.review.join("; ") || null,
          requestedAt: at,
          status: "to_review",
          lines: {
            create: lines.map((l) => ({
              lineItemGid: l.lineItemGid,
              returnLineItemGid: shopify?.lineGids[l.lineItemGid] ?? null,
              quantity: l.quantity,
              reason: l.reason,
              reasonNote: l.reasonNote ?? null,
              fitFeedback: l.fitFeedback ?? null,
              wantedSize: l.wantedSize ?? null,
              wantedWidth: l.wantedWidth ?? null,
              outcome: l.outcome,
              exchangeVariantGid: l.exchange?.variantGid ?? null,
              exchangeTitle: l.exchange?.title ?? null,
              exchangePriceMinor: l.exchange?.priceMinor ?? null,
            })),
          },
        },
      });
      const total = decision.totals;
      await addReturnEvent(tx, c, {
        kind: "return.requested",
        message: `Return requested (${source.replace("_", " ")}): ${decision.items.map((i) => i.title).join(", ")}; under the returns policy v${decision.policyVersion}`,
        dedupeKey: "requested",
        occurredAt: at,
        data: { source, totals: total },
      });
      await advanceReturnSoon(c, "requested", tx);
      await recordReturnedFits(tx, order, c.id, lines, at);
      return c;
    }),
  );
  return { caseId: created.id, decision };
}
