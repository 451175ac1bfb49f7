import type { Logger } from "pino";
import type { WebhookTopic } from "./topics";

// A recorded delivery as its topic's handler receives it, in the `webhook.process` job.
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

export type WebhookTable = Readonly<Record<WebhookTopic, WebhookHandler>>;
