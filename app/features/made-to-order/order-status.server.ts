import type { MtoCase } from "@prisma/client";
import prisma from "~/db.server";
import { localDate } from "~/domain/calendar";
import type { MadeToOrderPair, MadeToOrderPart, MadeToOrderState } from "~/domain/order-status";
import { now } from "~/platform/clock.server";
import { fitLink, sizeChangeOf, termsOf } from "./case.server";
import { scheduledShipDate } from "./domain/ship-date";
import { mtoStatus, type MtoStatusFacts } from "./domain/status";

// Made-to-order's part of the customer account's order page: each pair's step as the merchant's
// queues see it (mtoStatus), told from the shopper's side — and, while the fit is theirs to
// confirm, the date confirming today would ship it (the fit page's own computation).

function stateOf(c: MtoCase): MadeToOrderState | null {
  const status = mtoStatus({
    path: c.path as MtoStatusFacts["path"],
    fittingPairShippedAt: c.fittingPairShippedAt,
    fitConfirmedAt: c.fitConfirmedAt,
    sizeChange: sizeChangeOf(c)?.status ?? "none",
    shippedAt: c.shippedAt,
    cancelledAt: c.cancelledAt,
  });
  switch (status) {
    case "cancelled":
      return null;
    case "shipped":
      return "shipped";
    case "fitting_pair_to_ship":
      return "fitting_pair_to_ship";
    case "awaiting_fit":
      return c.fittingPairDeliveredAt ? "confirm_fit" : "fitting_pair_shipped";
    case "size_change_needed":
    case "in_production":
      return "in_production";
  }
}

function pairOf(c: MtoCase, state: MadeToOrderState): MadeToOrderPair {
  const terms = termsOf(c);
  const awaitingFit = state === "fitting_pair_shipped" || state === "confirm_fit";
  const shipDate =
    state === "shipped"
      ? null
      : awaitingFit
        ? scheduledShipDate(localDate(now(), terms.timeZone), terms).shipDate
        : (c.scheduledShipDate ?? c.promisedShipDate);
  const link = new URL(fitLink(c));
  return {
    title: c.title,
    variantTitle: c.variantTitle,
    state,
    shipDate,
    fitPath: awaitingFit ? `${link.pathname}${link.search}` : null,
  };
}

export async function madeToOrderOrderStatus(
  shop: string,
  orderGid: string,
  customerGid: string,
): Promise<MadeToOrderPart | null> {
  const cases = await prisma.mtoCase.findMany({
    where: { shop, orderGid, customerGid },
    orderBy: { createdAt: "asc" },
  });
  const pairs = cases.flatMap((c) => {
    const state = stateOf(c);
    return state ? [pairOf(c, state)] : [];
  });
  return pairs.length > 0 ? { kind: "made_to_order", pairs } : null;
}
