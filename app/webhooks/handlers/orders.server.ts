import { recordOrder, recordOrderEvent, type OrderPayload } from "~/services/orders.server";
import { openTrialFromOrder, recordTrialCancelled } from "~/features/trial/facts.server";
import { openMtoCasesFromOrder, recordMtoCancelled } from "~/features/made-to-order/facts.server";
import type { WebhookContext, WebhookHandler } from "./index";

const orderTopic =
  (kind: string): WebhookHandler =>
  async ({ shop, payload, deliveryId, triggeredAt, log }: WebhookContext) => {
    const order = payload as OrderPayload;
    const orderGid = await recordOrder(shop, order);
    if (!orderGid) {
      log.warn("order payload without admin_graphql_api_id ignored");
      return;
    }
    await recordOrderEvent({
      shop,
      orderGid,
      kind,
      occurredAt: new Date(order.updated_at ?? order.created_at ?? triggeredAt),
      deliveryId,
      data: {
        financialStatus: order.financial_status ?? null,
        fulfillmentStatus: order.fulfillment_status ?? null,
        totalPrice: order.total_price ?? null,
        currency: order.currency ?? null,
      },
    });
    if (kind === "order.created") {
      await openTrialFromOrder(shop, order, deliveryId);
      await openMtoCasesFromOrder(shop, order, deliveryId);
    }
    if (kind === "order.cancelled" && order.cancelled_at) {
      await recordTrialCancelled(shop, orderGid, new Date(order.cancelled_at));
      await recordMtoCancelled(shop, orderGid, new Date(order.cancelled_at));
    }
  };

export const orderHandlers = {
  "orders/create": orderTopic("order.created"),
  "orders/updated": orderTopic("order.updated"),
  "orders/paid": orderTopic("order.paid"),
  "orders/cancelled": orderTopic("order.cancelled"),
} satisfies Record<string, WebhookHandler>;
