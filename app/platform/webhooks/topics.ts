// Every webhook topic the app subscribes to (shopify.app.toml), with its route. A test checks
// that each has a route file, a handler and a subscription, and nothing more.
export const WEBHOOK_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/paid",
  "orders/cancelled",
  "fulfillments/create",
  "fulfillments/update",
  "fulfillment_events/create",
  "returns/request",
  "returns/approve",
  "returns/decline",
  "returns/process",
  "returns/close",
  "returns/cancel",
  "returns/reopen",
  "reverse_deliveries/attach_deliverable",
  "refunds/create",
  "payment_schedules/due",
  "customer_payment_methods/revoke",
  "inventory_levels/update",
  "discounts/delete",
  "app/uninstalled",
  "app/scopes_update",
  "shop/update",
] as const;

export const COMPLIANCE_TOPICS = [
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;

export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number] | (typeof COMPLIANCE_TOPICS)[number];

export const ALL_TOPICS: readonly WebhookTopic[] = [...WEBHOOK_TOPICS, ...COMPLIANCE_TOPICS];

export function webhookPath(topic: WebhookTopic): string {
  return `/webhooks/${topic}`;
}
