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
  "customers/redact": async ({ shop, payload, log }: WebhookContext) => {
    const counts = await redactCustomer(shop, subjectOf(payload, "orders_to_redact"));
    log.info({ counts }, "customer redacted");
  },
  "customers/data_request": async ({ shop, payload, log }: WebhookContext) => {
    const requestId = (payload.data_request as { id?: unknown } | undefined)?.id;
    const report = await exportCustomerData(
      shop,
      subjectOf(payload, "orders_requested"),
      requestId == null ? null : String(requestId),
    );
    // The merchant sends the report to the customer; the log says where it is.
    log.info({ reportId: report.id }, "customer data report ready for the merchant");
  },
  "shop/redact": async ({ shop, log }: WebhookContext) => {
    const counts = await eraseShop(shop);
    log.info({ counts }, "shop data erased");
  },
} satisfies Record<string, WebhookHandler>;
