import type { ReturnState, ReturnSummary, ReturnsPart } from "~/domain/order-status";
import { shopperCase, type ShopperCaseView } from "./portal-status.server";
import { customerOrderByGid, shopperOrder } from "./shopper.server";

// Returns' part of the customer account's order page: each return as its status page tells it
// (shopperCase), and the portal link while the return rules (shopperOrder, the same per-line
// answers the portal and the order action give) still take a pair of the order back.

const PORTAL_PATH = "/apps/fitting-room/returns";

function stateOf(c: ShopperCaseView): ReturnState | null {
  switch (c.status) {
    case "cancelled":
      return null;
    case "declined":
      return "declined";
    case "to_review":
      return "requested";
    case "awaiting_parcel":
      return c.steps.some((s) => s.key === "in_transit" && s.at) ? "in_transit" : "approved";
    case "to_inspect":
    case "awaiting_shopper":
    case "to_refund":
      return "received";
    case "done":
      if (c.totals.refund > 0) return "refunded";
      return c.totals.storeCredit > 0 ? "credited" : "resolved";
  }
}

export async function returnsOrderStatus(
  shop: string,
  orderGid: string,
  customerGid: string,
): Promise<ReturnsPart | null> {
  const orderId = await customerOrderByGid(shop, customerGid, orderGid);
  if (!orderId) return null;
  const access = { customerGid, guestToken: null };
  const order = await shopperOrder(shop, orderId, access);
  const views = await Promise.all(order.cases.map((c) => shopperCase(shop, c.id, access)));
  const returns = views.flatMap((c, i): ReturnSummary[] => {
    const state = stateOf(c);
    if (!state) return [];
    return [
      {
        state,
        requestedAt: order.cases[i]!.requestedAt,
        currency: c.currency,
        refund: c.totals.refund,
        storeCredit: c.totals.storeCredit,
        declineNote: c.declineNote,
      },
    ];
  });
  const returnable = order.lines.filter((l) => l.returnable);
  const lastDays = returnable.map((l) => l.lastDay).filter((d): d is string => d !== null);
  const request =
    returnable.length > 0 && !order.marketplace
      ? {
          path: `${PORTAL_PATH}?order=${encodeURIComponent(order.id)}`,
          lastDay: lastDays.sort().at(-1) ?? null,
        }
      : null;
  if (returns.length === 0 && !request) return null;
  return { kind: "returns", returns, request };
}
