import type { OrderPayload } from "~/domain/orders";
import type { WebhookContext, WebhookHandler } from "~/platform/webhooks/types";
import { POLICIES } from "~/policies.server";
import { linkFitAnswers } from "~/services/fit-finder.server";
import { recordOrder, recordOrderEvent } from "~/services/orders.server";

// orders/*: the order mirror and timeline, then each policy hears of a new, paid or cancelled
// order.

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
    // Lines bought with a fit finder answer, before any policy records the pair's outcome.
    if (kind === "order.created") await linkFitAnswers(shop, order);
    if (kind === "order.created")
      for (const policy of POLICIES) await policy.facts.orderCreated?.({ shop, order, deliveryId });
    if (kind === "order.paid") {
      const at = new Date(order.updated_at ?? triggeredAt);
      for (const policy of POLICIES) await policy.facts.orderPaid?.({ shop, orderGid, at });
    }
    if (kind === "order.cancelled" && order.cancelled_at) {
      const at = new Date(order.cancelled_at);
      for (const policy of POLICIES) await policy.facts.orderCancelled?.({ shop, orderGid, at });
    }
  };

export const orderHandlers = {
  "orders/create": orderTopic("order.created"),
  "orders/updated": orderTopic("order.updated"),
  "orders/paid": orderTopic("order.paid"),
  "orders/cancelled": orderTopic("order.cancelled"),
} satisfies Record<string, WebhookHandler>;
