import type { Logger } from "pino";
import prisma from "~/db.server";
import { now } from "~/platform/clock.server";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import { parseWebhookJson } from "./json";
import type { WebhookTopic } from "./topics";
import type { WebhookContext, WebhookTable } from "./types";

export const WEBHOOK_PROCESS_JOB = "webhook.process";

/** The `webhook.process` job: hands a recorded delivery to its topic's handler, once. */
export async function processWebhookDelivery(
  deliveryId: string,
  handlers: WebhookTable,
  log: Logger,
): Promise<void> {
  const delivery = await prisma.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) throw new TerminalJobError(`webhook delivery ${deliveryId} not found`);
  if (delivery.status === "processed") return;
  const handler = handlers[delivery.topic as WebhookTopic];
  if (!handler) throw new TerminalJobError(`no handler for topic ${delivery.topic}`);
  const context: WebhookContext = {
    shop: delivery.shop,
    topic: delivery.topic as WebhookTopic,
    deliveryId,
    eventId: delivery.eventId,
    triggeredAt: delivery.triggeredAt ?? delivery.receivedAt,
    payload: parseWebhookJson(delivery.payload ?? "{}") as Record<string, unknown>,
    log: log.child({ topic: delivery.topic, deliveryId }),
  };
  await handler(context);
  // shop/redact deletes the shop's deliveries, this one included.
  await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId },
    data: { status: "processed", processedAt: now(), error: null },
  });
}

/**
 * Deliveries received but not yet processed for a shop, up to `at`: a decision that a late
 * webhook could change (a trial's charge, a return window) waits for them.
 */
export async function hasUnprocessedDeliveries(shop: string, at: Date): Promise<boolean> {
  const waiting = await prisma.job.count({
    where: {
      shop,
      type: WEBHOOK_PROCESS_JOB,
      OR: [{ status: "running" }, { status: "queued", runAt: { lte: at } }],
    },
  });
  return waiting > 0;
}
