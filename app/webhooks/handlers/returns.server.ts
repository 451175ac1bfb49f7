import { recordOrderEvent } from "~/services/orders.server";
import {
  recordTrialExchange,
  recordTrialReturn,
  returnedLineGids,
  type ReturnStage,
} from "~/features/trial/facts.server";
import { recordMtoReturn } from "~/features/made-to-order/facts.server";
import { gidFor } from "~/platform/webhooks/json";
import type { WebhookContext, WebhookHandler } from "./index";

interface ReturnPayload {
  admin_graphql_api_id?: string;
  status?: string;
  order?: { admin_graphql_api_id?: string } | null;
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
}

const returnTopic =
  (kind: string, trialStage?: ReturnStage): WebhookHandler =>
  async ({ shop, payload, deliveryId, triggeredAt, log }: WebhookContext) => {
    const ret = payload as ReturnPayload;
    const orderGid = ret.order?.admin_graphql_api_id;
    if (!orderGid || !ret.admin_graphql_api_id) {
      log.warn("return payload without ids ignored");
      return;
    }
    await recordOrderEvent({
      shop,
      orderGid,
      kind,
      subjectGid: ret.admin_graphql_api_id,
      occurredAt: triggeredAt,
      deliveryId,
      data: {
        status: ret.status ?? null,
        returnLineItems: ret.return_line_items ?? [],
        exchangeLineItems: ret.exchange_line_items ?? [],
      },
    });
    if (trialStage === "started" && (ret.exchange_line_items ?? []).length > 0)
      await recordTrialExchange(shop, orderGid, {
        returnGid: ret.admin_graphql_api_id,
        replacedLineGids: returnedLineGids(ret.return_line_items),
        exchangeLines: ret.exchange_line_items ?? [],
        at: triggeredAt,
      });
    if (trialStage === "received")
      await recordMtoReturn(
        shop,
        orderGid,
        returnedLineGids(ret.return_line_items),
        triggeredAt,
        ret.admin_graphql_api_id,
      );
    if (trialStage)
      await recordTrialReturn(shop, orderGid, {
        returnGid: ret.admin_graphql_api_id,
        lineItemGids: returnedLineGids(ret.return_line_items),
        stage: trialStage,
        at: triggeredAt,
        key: `${ret.admin_graphql_api_id}:${kind}`,
      });
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
};

export const returnHandlers = {
  "returns/request": returnTopic("return.requested", "started"),
  "returns/approve": returnTopic("return.approved", "started"),
  "returns/decline": returnTopic("return.declined", "withdrawn"),
  "returns/process": returnTopic("return.processed", "received"),
  "returns/close": returnTopic("return.closed"),
  "refunds/create": refundCreated,
} satisfies Record<string, WebhookHandler>;
