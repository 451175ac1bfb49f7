import { ALL_TOPICS, type WebhookTopic } from "~/platform/webhooks/topics";
import type { WebhookHandler, WebhookTable } from "~/platform/webhooks/types";
import { POLICIES } from "~/policies.server";
import { appHandlers } from "./app.server";
import { complianceHandlers } from "./compliance.server";
import { fulfillmentHandlers } from "./fulfillments.server";
import { orderHandlers } from "./orders.server";
import { paymentHandlers } from "./payments.server";
import { returnHandlers } from "./returns.server";

// The handler of every topic the app subscribes to: the topics every policy hears of (as facts),
// the app's own (install, compliance), and the few a single policy reads itself.

function buildWebhookTable(): WebhookTable {
  const table: Partial<Record<WebhookTopic, WebhookHandler>> = {
    ...orderHandlers,
    ...fulfillmentHandlers,
    ...returnHandlers,
    ...paymentHandlers,
    ...appHandlers,
    ...complianceHandlers,
  };
  for (const policy of POLICIES)
    for (const [topic, handler] of Object.entries(policy.webhooks ?? {}) as [
      WebhookTopic,
      WebhookHandler,
    ][]) {
      if (table[topic]) throw new Error(`${topic} is handled twice (${policy.name})`);
      table[topic] = handler;
    }
  const missing = ALL_TOPICS.filter((topic) => !table[topic]);
  if (missing.length > 0) throw new Error(`no handler for ${missing.join(", ")}`);
  return table as WebhookTable;
}

export const webhookHandlers: WebhookTable = buildWebhookTable();
