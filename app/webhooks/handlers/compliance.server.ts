import {
  eraseShop,
  exportCustomerData,
  redactCustomer,
  type CustomerSubject,
} from "~/compliance.server";
import { gidFor } from "~/platform/webhooks/json";
import type { WebhookContext, WebhookHandler } from "~/platform/webhooks/types";

function subjectOf(payload: Record<string, unknown>, ordersKey: string): CustomerSubject {
  const customer = (payload.customer ?? {}) as { id?: unknown; email?: unknown; phone?: unknown };
  const orders = Array.isArray(payload[ordersKey]) ? (payload[ordersKey] as unknown[]) : [];
  return {
    customerGid: gidFor("Customer", customer.id),
    email: typeof customer.email === "string" ? customer.email : null,
    orderGids: orders.map((id) => gidFor("Order", id)).filter((g): g is string => g !== null),
  };
}

export const complianceHandlers = {
  "customers/redact": async ({ shop, payload, deliveryId, log }: WebhookContext) => {
    const counts = await redactCustomer(shop, subjectOf(payload, "orders_to_redact"), deliveryId);
    log.info({ counts }, "customer redacted");
  },
  "customers/data_request": async ({ shop, payload, deliveryId, log }: WebhookContext) => {
    const requestId = (payload.data_request as { id?: unknown } | undefined)?.id;
    const subject = subjectOf(payload, "orders_requested");
    if (!subject.customerGid && !subject.email && subject.orderGids.length === 0) {
      // The report was written and the request's payload dropped, then the job stopped before
      // the delivery was marked processed: nothing is left to say who asked.
      log.warn("data request without a customer (payload already dropped): no report");
      return;
    }
    const report = await exportCustomerData(
      shop,
      subject,
      requestId == null ? null : String(requestId),
      deliveryId,
    );
    // The merchant sends the report to the customer; the log says where it is.
    log.info({ reportId: report.id }, "customer data report ready for the merchant");
  },
  "shop/redact": async ({ shop, log }: WebhookContext) => {
    const counts = await eraseShop(shop);
    log.info({ counts }, "shop data erased");
  },
} satisfies Record<string, WebhookHandler>;
