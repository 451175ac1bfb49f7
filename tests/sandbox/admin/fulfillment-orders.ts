import type { SandboxFulfillmentOrder, SandboxOrder, SandboxShop } from "../store";
import type { ResolverContext } from "./resolvers";

// Fulfillment orders and the holds and schedules made-to-order uses: fulfillmentOrderHold (up to
// 10 holds per app, told apart by handle), fulfillmentOrderReleaseHold, fulfillmentOrderReschedule.

type Args = Record<string, unknown>;
const REASONS = [
  "AWAITING_PAYMENT",
  "HIGH_RISK_OF_FRAUD",
  "INCORRECT_ADDRESS",
  "INVENTORY_OUT_OF_STOCK",
  "UNKNOWN_DELIVERY_DATE",
  "ONLINE_STORE_POST_PURCHASE_CROSS_SELL",
  "AWAITING_RETURN_ITEMS",
  "OTHER",
];

export function fulfillmentOrderObject(fo: SandboxFulfillmentOrder, order: SandboxOrder) {
  return {
    __typename: "FulfillmentOrder",
    id: fo.id,
    status: fo.status,
    fulfillAt: fo.fulfillAt,
    orderId: order.id,
    lineItems: () => ({
      __typename: "FulfillmentOrderLineItemConnection",
      nodes: fo.lineItemIds.map((lineItemId) => {
        const line = order.lines.find((l) => l.id === lineItemId);
        const shipped = order.fulfillments.some(
          (f) => f.status === "success" && f.lineItemIds.includes(lineItemId),
        );
        return {
          __typename: "FulfillmentOrderLineItem",
          id: `gid://shopify/FulfillmentOrderLineItem/${lineItemId.split("/").pop()}`,
          totalQuantity: line?.quantity ?? 0,
          remainingQuantity: shipped ? 0 : (line?.quantity ?? 0),
          lineItem: { __typename: "LineItem", id: lineItemId },
        };
      }),
    }),
    fulfillmentHolds: fo.holds.map((h) => ({
      __typename: "FulfillmentHold",
      id: h.id,
      reason: h.reason,
      reasonNotes: h.reasonNotes,
      handle: h.handle,
      displayReason: h.reason.replace(/_/g, " ").toLowerCase(),
      heldByRequestingApp: true,
    })),
  };
}

function find(shop: SandboxShop, id: unknown) {
  for (const order of shop.orders) {
    const fo = order.fulfillmentOrders.find((f) => f.id === id);
    if (fo) return { order, fo };
  }
  return null;
}

const notFound = (field: string) => [
  {
    field: [field],
    message: "Fulfillment order does not exist.",
    code: "FULFILLMENT_ORDER_NOT_FOUND",
  },
];

export const fulfillmentOrderMutationResolvers = {
  fulfillmentOrderHold: (args: Args, { shop, store }: ResolverContext) => {
    const found = find(shop, args.id);
    if (!found)
      return { fulfillmentHold: null, fulfillmentOrder: null, userErrors: notFound("id") };
    const { order, fo } = found;
    const input = args.fulfillmentHold as {
      reason: string;
      reasonNotes?: string | null;
      handle?: string | null;
    };
    if (!REASONS.includes(input.reason))
      return {
        fulfillmentHold: null,
        fulfillmentOrder: null,
        userErrors: [
          { field: ["fulfillmentHold", "reason"], message: "Invalid reason", code: null },
        ],
      };
    if (fo.status === "CLOSED" || fo.status === "CANCELLED")
      return {
        fulfillmentHold: null,
        fulfillmentOrder: null,
        userErrors: [
          {
            field: ["id"],
            message: "The fulfillment order cannot be put on hold.",
            code: null,
          },
        ],
      };
    const existing = input.handle ? fo.holds.find((h) => h.handle === input.handle) : undefined;
    if (existing)
      return {
        fulfillmentHold: null,
        fulfillmentOrder: null,
        userErrors: [
          {
            field: ["fulfillmentHold", "handle"],
            message: "A hold with this handle already exists.",
            code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
          },
        ],
      };
    if (fo.holds.length >= 10)
      return {
        fulfillmentHold: null,
        fulfillmentOrder: null,
        userErrors: [
          {
            field: ["id"],
            message:
              "The maximum number of fulfillment holds for this fulfillment order has been reached for this app.",
            code: "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
          },
        ],
      };
    const hold = {
      id: store.gid("FulfillmentHold").id,
      reason: input.reason,
      reasonNotes: input.reasonNotes ?? null,
      handle: input.handle ?? null,
    };
    fo.holds.push(hold);
    fo.status = "ON_HOLD";
    store.record({
      shop: shop.domain,
      kind: "fulfillment.hold",
      orderGid: order.id,
      details: { fulfillmentOrderId: fo.id, reason: hold.reason, handle: hold.handle },
    });
    const view = fulfillmentOrderObject(fo, order);
    return {
      fulfillmentHold: view.fulfillmentHolds.at(-1),
      fulfillmentOrder: view,
      remainingFulfillmentOrder: null,
      userErrors: [],
    };
  },
  fulfillmentOrderReleaseHold: (args: Args, { shop, store }: ResolverContext) => {
    const found = find(shop, args.id);
    if (!found) return { fulfillmentOrder: null, userErrors: notFound("id") };
    const { order, fo } = found;
    const ids = (args.holdIds as string[] | null | undefined) ?? fo.holds.map((h) => h.id);
    const unknown = ids.filter((id) => !fo.holds.some((h) => h.id === id));
    if (unknown.length > 0)
      return {
        fulfillmentOrder: null,
        userErrors: [
          {
            field: ["holdIds"],
            message: `Hold not found: ${unknown.join(", ")}`,
            code: "INVALID_ACCESS",
          },
        ],
      };
    fo.holds = fo.holds.filter((h) => !ids.includes(h.id));
    if (fo.holds.length === 0)
      fo.status =
        fo.scheduled && (!fo.fulfillAt || Date.parse(fo.fulfillAt) > store.clock())
          ? "SCHEDULED"
          : "OPEN";
    store.record({
      shop: shop.domain,
      kind: "fulfillment.release",
      orderGid: order.id,
      details: { fulfillmentOrderId: fo.id, holdIds: ids, status: fo.status },
    });
    return { fulfillmentOrder: fulfillmentOrderObject(fo, order), userErrors: [] };
  },
  fulfillmentOrderReschedule: (args: Args, { shop, store }: ResolverContext) => {
    const found = find(shop, args.id);
    if (!found) return { fulfillmentOrder: null, userErrors: notFound("id") };
    const { order, fo } = found;
    if (fo.status !== "SCHEDULED")
      return {
        fulfillmentOrder: null,
        userErrors: [
          {
            field: ["id"],
            message: "Fulfillment order is not scheduled.",
            code: null,
          },
        ],
      };
    fo.fulfillAt = new Date(String(args.fulfillAt)).toISOString();
    store.record({
      shop: shop.domain,
      kind: "fulfillment.reschedule",
      orderGid: order.id,
      details: { fulfillmentOrderId: fo.id, fulfillAt: fo.fulfillAt },
    });
    return { fulfillmentOrder: fulfillmentOrderObject(fo, order), userErrors: [] };
  },
};
