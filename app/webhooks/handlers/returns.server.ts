import type { ReturnStep } from "~/domain/order-facts";
import { returnedLineGids } from "~/domain/orders";
import { gidFor } from "~/platform/webhooks/json";
import type { WebhookContext, WebhookHandler } from "~/platform/webhooks/types";
import { POLICIES } from "~/policies.server";
import { recordOrderEvent } from "~/services/orders.server";

// returns/* and refunds/create: the order timeline, then each policy hears of the return's step.

interface ReturnPayload {
  admin_graphql_api_id?: string;
  status?: string;
  order?: { admin_graphql_api_id?: string } | null;
  // returns/cancel and returns/reopen name the order by its REST id only.
  order_id?: unknown;
  return_line_items?: unknown[];
  exchange_line_items?: unknown[];
}

interface RefundPayload {
  admin_graphql_api_id?: string;
  order_id?: unknown;
  created_at?: string;
  processed_at?: string;
  refund_line_items?: { line_item_id?: unknown; quantity?: number; subtotal_set?: unknown }[];
  transactions?: { kind?: string; amount?: string; status?: string; gateway?: string }[];
  return?: { admin_graphql_api_id?: string; id?: unknown } | null;
}

const returnTopic =
  (kind: string, step: ReturnStep): WebhookHandler =>
  async ({ shop, payload, deliveryId, triggeredAt, log }: WebhookContext) => {
    const ret = payload as ReturnPayload;
    const orderGid = ret.order?.admin_graphql_api_id ?? gidFor("Order", ret.order_id);
    const returnGid = ret.admin_graphql_api_id;
    if (!orderGid || !returnGid) {
      log.warn("return payload without ids ignored");
      return;
    }
    await recordOrderEvent({
      shop,
      orderGid,
      kind,
      subjectGid: returnGid,
      occurredAt: triggeredAt,
      deliveryId,
      data: {
        status: ret.status ?? null,
        returnLineItems: ret.return_line_items ?? [],
        exchangeLineItems: ret.exchange_line_items ?? [],
      },
    });
    const fact = {
      shop,
      orderGid,
      returnGid,
      step,
      lineItemGids: returnedLineGids(ret.return_line_items),
      exchangeLines: ret.exchange_line_items ?? [],
      at: triggeredAt,
      key: `${returnGid}:${kind}`,
    };
    for (const policy of POLICIES) await policy.facts.returned?.(fact);
  };

const refundCreated: WebhookHandler = async ({ shop, payload, deliveryId, triggeredAt, log }) => {
  const refund = payload as RefundPayload;
  const orderGid = gidFor("Order", refund.order_id);
  if (!orderGid || !refund.admin_graphql_api_id) {
    log.warn("refund payload without ids ignored");
    return;
  }
  await recordOrderEvent({
    shop,
    orderGid,
    kind: "refund.created",
    subjectGid: refund.admin_graphql_api_id,
    occurredAt: new Date(refund.processed_at ?? refund.created_at ?? triggeredAt),
    deliveryId,
    data: {
      lineItems: (refund.refund_line_items ?? []).map((l) => ({
        lineItemGid: gidFor("LineItem", l.line_item_id),
        quantity: l.quantity ?? 0,
      })),
      transactions: (refund.transactions ?? []).map((t) => ({
        kind: t.kind,
        amount: t.amount,
        status: t.status,
      })),
    },
  });
  const fact = {
    shop,
    orderGid,
    refundGid: refund.admin_graphql_api_id,
    returnGid: refund.return?.admin_graphql_api_id ?? gidFor("Return", refund.return?.id) ?? null,
    lineItems: (refund.refund_line_items ?? []).flatMap((l) => {
      const lineItemGid = gidFor("LineItem", l.line_item_id);
      return lineItemGid ? [{ lineItemGid, quantity: l.quantity ?? 0 }] : [];
    }),
    at: new Date(refund.processed_at ?? refund.created_at ?? triggeredAt),
  };
  for (const policy of POLICIES) await policy.facts.refunded?.(fact);
};

export const returnHandlers = {
  "returns/request": returnTopic("return.requested", "requested"),
  "returns/approve": returnTopic("return.approved", "approved"),
  "returns/decline": returnTopic("return.declined", "declined"),
  "returns/process": returnTopic("return.processed", "processed"),
  "returns/close": returnTopic("return.closed", "closed"),
  "returns/cancel": returnTopic("return.cancelled", "cancelled"),
  "returns/reopen": returnTopic("return.reopened", "reopened"),
  "refunds/create": refundCreated,
} satisfies Record<string, WebhookHandler>;
