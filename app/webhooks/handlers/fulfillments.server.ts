import { recordOrderEvent } from "~/services/orders.server";
import { recordTrialDelivery, recordTrialFulfilment } from "~/features/trial/facts.server";
import { recordMtoDelivery, recordMtoFulfilment } from "~/features/made-to-order/facts.server";
import { gidFor } from "~/platform/webhooks/json";
import type { WebhookContext, WebhookHandler } from "./index";

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
    if (fulfillment.status !== "cancelled") {
      await recordTrialFulfilment(
        shop,
        orderGid,
        new Date(fulfillment.created_at ?? occurredAt),
        fulfillment.admin_graphql_api_id,
      );
      await recordMtoFulfilment(
        shop,
        orderGid,
        fulfillment.admin_graphql_api_id,
        (fulfillment.line_items ?? []).flatMap((l) =>
          l.admin_graphql_api_id ? [l.admin_graphql_api_id] : [],
        ),
        new Date(fulfillment.created_at ?? occurredAt),
      );
    }
    // A fulfillment whose shipment status says delivered is a delivery even if no
    // fulfillment_events/create arrives (some carriers only update the fulfillment).
    if (fulfillment.shipment_status === "delivered") {
      await recordOrderEvent({ ...base, kind: "fulfillment.delivered" });
      await recordTrialDelivery(shop, orderGid, occurredAt, fulfillment.admin_graphql_api_id);
      await recordMtoDelivery(shop, orderGid, fulfillment.admin_graphql_api_id, occurredAt);
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
    await recordTrialDelivery(shop, orderGid, occurredAt, fulfillmentGid);
    await recordMtoDelivery(shop, orderGid, fulfillmentGid, occurredAt);
  }
};

export const fulfillmentHandlers = {
  "fulfillments/create": fulfillmentTopic("fulfillment.created"),
  "fulfillments/update": fulfillmentTopic("fulfillment.updated"),
  "fulfillment_events/create": fulfillmentEvent,
} satisfies Record<string, WebhookHandler>;
