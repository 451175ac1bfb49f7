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

/**
 * Shopify's payloads are far below this (an order of 250 lines is a few hundred KB); a body
 * past it is refused before it is read whole, so a huge body costs neither memory nor the 5 s
 * Shopify waits for the acknowledgement.
 */
export const MAX_WEBHOOK_BYTES = 2 * 1024 * 1024;

// The header is compared as the exact base64 text Shopify sends: decoding it first would let
// trailing characters (which Buffer.from(…, "base64") ignores) pass as the valid value.
export function verifyWebhookHmac(rawBody: string, header: string | null, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(
    crypto.createHmac("sha256", secret).update(rawBody, "utf8").digest("base64"),
  );
  const given = Buffer.from(header);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The body as text, or null once it passes `limit` bytes (stops reading there). */
export async function readCapped(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The webhook routes' loader: Shopify only POSTs, so any other method is told so (405) rather
 * than getting Remix's 400 for a missing loader.
 */
export const onlyPost = () => new Response(null, { status: 405, headers: { Allow: "POST" } });

export async function receiveWebhook(request: Request, topic: WebhookTopic): Promise<Response> {
  if (request.method !== "POST") return onlyPost();
  const rawBody = await readCapped(request, MAX_WEBHOOK_BYTES);
  if (rawBody === null) return new Response("Payload Too Large", { status: 413 });
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
  // A signed `[1,2,3]` is no payload: handlers read fields of an object, and a shop/redact
  // reading none of them must not act on the whole shop.
  if (!payload || typeof payload !== "object" || Array.isArray(payload))
    return reject(deliveryId, base, "payload is not a JSON object", log);

  const outcome = await recordDelivery({ id: deliveryId, ...base, shop, payload: rawBody });
  if (outcome === "not-installed") {
    // 200, so Shopify stops retrying: the answer would be the same however often it asked.
    log.info("webhook for a shop the app does not serve acknowledged and dropped");
    return new Response(null, { status: 200 });
  }
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
