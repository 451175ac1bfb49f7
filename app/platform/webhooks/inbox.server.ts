import crypto from "node:crypto";
import prisma from "~/db.server";
import { appConfig } from "~/platform/config.server";
import { logger } from "~/platform/logger.server";
import { now } from "~/platform/clock.server";
import { isUniqueViolation } from "~/platform/db-errors.server";
import { wakeInlineWorker } from "~/platform/jobs/inline.server";
import { recordDelivery } from "./inbox-writer.server";
import { parseWebhookJson } from "./json";
import type { WebhookTopic } from "./topics";

// Webhook → verify → record once → job. The response never waits on the Admin API: the work is
// done by the `webhook.process` job the delivery row is written with, in one transaction.

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function verifyWebhookHmac(rawBody: string, header: string | null, secret: string): boolean {
  if (!header) return false;
  const expected = crypto.createHmac("sha256", secret).update(rawBody, "utf8").digest();
  let given: Buffer;
  try {
    given = Buffer.from(header, "base64");
  } catch {
    return false;
  }
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export async function receiveWebhook(request: Request, topic: WebhookTopic): Promise<Response> {
  if (request.method !== "POST")
    return new Response(null, { status: 405, headers: { Allow: "POST" } });
  const rawBody = await request.text();
  if (
    !verifyWebhookHmac(rawBody, request.headers.get("x-shopify-hmac-sha256"), appConfig.apiSecret)
  ) {
    // Nothing is recorded for a forged delivery: it is not Shopify's and must have no effect.
    return new Response("Unauthorized", { status: 401 });
  }
  const headers = request.headers;
  const shop = (headers.get("x-shopify-shop-domain") ?? "").toLowerCase();
  const deliveryId = headers.get("x-shopify-webhook-id") ?? "";
  const headerTopic = headers.get("x-shopify-topic") ?? "";
  const triggeredAt = parseDate(headers.get("x-shopify-triggered-at"));
  const base = {
    shop: shop || "unknown",
    topic,
    apiVersion: headers.get("x-shopify-api-version") ?? "",
    eventId: headers.get("x-shopify-event-id"),
    triggeredAt,
  };
  const log = logger.child({ shop: base.shop, topic, deliveryId });

  const problem = !deliveryId
    ? "missing X-Shopify-Webhook-Id"
    : !SHOP_DOMAIN.test(shop)
      ? "missing or invalid X-Shopify-Shop-Domain"
      : headerTopic !== topic
        ? `X-Shopify-Topic ${headerTopic || "(none)"} does not match this route (${topic})`
        : null;
  if (problem) return reject(deliveryId || `invalid:${crypto.randomUUID()}`, base, problem, log);

  let payload: unknown;
  try {
    payload = parseWebhookJson(rawBody);
  } catch {
    return reject(deliveryId, base, "malformed JSON body", log);
  }
  if (!payload || typeof payload !== "object")
    return reject(deliveryId, base, "payload is not a JSON object", log);

  const outcome = await recordDelivery({ id: deliveryId, ...base, shop, payload: rawBody });
  if (outcome === "duplicate") {
    log.info("duplicate webhook delivery ignored");
    return new Response(null, { status: 200 });
  }
  wakeInlineWorker();
  log.debug("webhook accepted");
  return new Response(null, { status: 200 });
}

async function reject(
  id: string,
  base: {
    shop: string;
    topic: string;
    apiVersion: string;
    eventId: string | null;
    triggeredAt: Date | null;
  },
  reason: string,
  log: typeof logger,
): Promise<Response> {
  try {
    await prisma.webhookDelivery.create({
      data: { id, ...base, status: "rejected", error: reason, receivedAt: now() },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  log.warn({ reason }, "webhook rejected");
  return new Response(reason, { status: 400 });
}

function parseDate(text: string | null): Date | null {
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
