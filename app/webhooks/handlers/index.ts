import type { Logger } from "pino";
import type { WebhookTopic } from "~/platform/webhooks/topics";
import { orderHandlers } from "./orders.server";
import { fulfillmentHandlers } from "./fulfillments.server";
import { returnHandlers } from "./returns.server";
import { paymentHandlers } from "./payments.server";
import { appHandlers } from "./app.server";
import { complianceHandlers } from "./compliance.server";
import { inventoryHandlers } from "./inventory.server";

export interface WebhookContext {
  shop: string;
  topic: WebhookTopic;
  deliveryId: string;
  eventId: string | null;
  triggeredAt: Date;
  payload: Record<string, unknown>;
  log: Logger;
}

export type WebhookHandler = (context: WebhookContext) => Promise<void>;

export const webhookHandlers: Record<WebhookTopic, WebhookHandler> = {
  ...orderHandlers,
  ...fulfillmentHandlers,
  ...returnHandlers,
  ...paymentHandlers,
  ...appHandlers,
  ...complianceHandlers,
  ...inventoryHandlers,
};
