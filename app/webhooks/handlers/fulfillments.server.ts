import type { DeliveredFact } from "~/domain/order-facts";
import { gidFor } from "~/platform/webhooks/json";
import type { WebhookContext, WebhookHandler } from "~/platform/webhooks/types";
import { POLICIES } from "~/policies.server";
import { recordOrderEvent } from "~/services/orders.server";

// fulfillments/* and fulfillment_events/create: the order timeline, then each policy hears of a
// shipment or a delivery (a delivered scan, or a fulfillment whose shipment status says so).

async function delivered(fact: DeliveredFact) {
  for (const policy of POLICIES) await policy.facts.delivered?.(fact);
}

interface FulfillmentPayload {
  admin_graphql_api_id?: string;
  order_id?: unknown;
  status?: string | null;
  shipment_status?: string | null;
  tracking_company?: string | null;
  tracking_number?: string | null;
  tracking_url?: string | null;
  created_at?: string;
  updated_at?: string;
  line_items?: { admin_graphql_api_id?: string }[];
}

interface FulfillmentEventPayload {
  admin_graphql_api_id?: string;
  fulfillment_id?: unknown;
  order_id?: unknown;
  status?: string;
  happened_at?: string;
  estimated_delivery_at?: string | null;
}

const fulfillmentTopic =
  (kind: string): WebhookHandler =>
  async ({ shop, payload, deliveryId, triggeredAt, log }: WebhookContext) => {
    const fulfillment = payload as FulfillmentPayload;
    const orderGid = gidFor("Order", fulfillment.order_id);
    if (!orderGid || !fulfillment.admin_graphql_api_id) {
      log.warn("fulfillment payload without ids ignored");
      return;
    }
    const data = {
      status: fulfillment.status ?? null,
      shipmentStatus: fulfillment.shipment_status ?? null,
      trackingCompany: fulfillment.tracking_company ?? null,
      trackingNumber: fulfillment.tracking_number ?? null,
      trackingUrl: fulfillment.tracking_url ?? null,
    };
    const occurredAt = new Date(fulfillment.updated_at ?? fulfillment.created_at ?? triggeredAt);
    const base = {
      shop,
      orderGid,
      subjectGid: fulfillment.admin_graphql_api_id,
      occurredAt,
      deliveryId,
      data,
    };
    await recordOrderEvent({ ...base, kind });
    const fulfillmentGid = fulfillment.admin_graphql_api_id;
    if (fulfillment.status !== "cancelled") {
      const fact = {
        shop,
        orderGid,
        fulfillmentGid,
        lineItemGids: (fulfillment.line_items ?? []).flatMap((l) =>
          l.admin_graphql_api_id ? [l.admin_graphql_api_id] : [],
        ),
        at: new Date(fulfillment.created_at ?? occurredAt),
      };
      for (const policy of POLICIES) await policy.facts.fulfilled?.(fact);
    }
    // A fulfillment whose shipment status says delivered is a delivery even if no
    // fulfillment_events/create arrives (some carriers only update the fulfillment).
    if (fulfillment.shipment_status === "delivered") {
      await recordOrderEvent({ ...base, kind: "fulfillment.delivered" });
      await delivered({ shop, orderGid, fulfillmentGid, at: occurredAt });
    }
  };

const fulfillmentEvent: WebhookHandler = async ({
  shop,
  payload,
  deliveryId,
  triggeredAt,
  log,
}) => {
  const event = payload as FulfillmentEventPayload;
  const orderGid = gidFor("Order", event.order_id);
  const fulfillmentGid = gidFor("Fulfillment", event.fulfillment_id);
  if (!orderGid || !fulfillmentGid || !event.status) {
    log.warn("fulfillment event without ids or status ignored");
    return;
  }
  const occurredAt = new Date(event.happened_at ?? triggeredAt);
  const data = {
    status: event.status,
    eventGid: event.admin_graphql_api_id ?? null,
    estimatedDeliveryAt: event.estimated_delivery_at ?? null,
  };
  const base = { shop, orderGid, subjectGid: fulfillmentGid, occurredAt, deliveryId, data };
  await recordOrderEvent({ ...base, kind: `fulfillment_event.${event.status}` });
  if (event.status === "delivered") {
    await recordOrderEvent({ ...base, kind: "fulfillment.delivered" });
    await delivered({ shop, orderGid, fulfillmentGid, at: occurredAt });
  }
};

export const fulfillmentHandlers = {
  "fulfillments/create": fulfillmentTopic("fulfillment.created"),
  "fulfillments/update": fulfillmentTopic("fulfillment.updated"),
  "fulfillment_events/create": fulfillmentEvent,
} satisfies Record<string, WebhookHandler>;
