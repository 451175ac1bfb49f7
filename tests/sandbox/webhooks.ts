import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import type { SandboxOrder, SandboxShop, SandboxStore } from "./store";
import { currentTotal, outstanding, remainingQuantity } from "./payments";

export { refundPayload } from "./returns-webhooks";

// Webhooks as Shopify sends them: REST-shaped JSON (numeric ids beyond 2^53 written as bare
// numbers, like Shopify's), signed with the app secret, retried on non-2xx with Shopify's
// schedule (accelerable), and on request duplicated, held back (late) or delivered out of order.

export interface AppEndpoint {
  appUrl: string;
  apiSecret: string;
  apiVersion: string;
}

export type DeliveryMode = "normal" | "duplicate" | "hold";

export interface OutboxDelivery {
  webhookId: string;
  eventId: string;
  shop: string;
  topic: string;
  body: string;
  mode: DeliveryMode;
  attempts: number;
  /** "unsubscribed": Shopify had the event, but the app's configuration asks for no such topic. */
  status: "pending" | "held" | "sending" | "delivered" | "failed" | "unsubscribed";
  nextAttemptAt: number;
  responses: number[];
  createdAt: string;
}

/** Shopify retries a failed delivery 8 times over about 4 hours. */
export const RETRY_DELAYS_MS = [
  10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000,
];

const BIG = "__sandbox_big__";

/** JSON with bigint values written as bare integers, as Shopify's REST payloads do. */
export function shopifyJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === "bigint" ? `${BIG}${v.toString()}` : v,
  ).replace(new RegExp(`"${BIG}(\\d+)"`, "g"), "$1");
}

const money = (minor: number) => (minor / 100).toFixed(2);

export function orderPayload(
  store: SandboxStore,
  shop: SandboxShop,
  order: SandboxOrder,
): Record<string, unknown> {
  const customer = shop.customers.find((c) => c.id === order.customerId) ?? null;
  const total = order.lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
  return {
    id: BigInt(order.legacyId),
    admin_graphql_api_id: order.id,
    name: order.name,
    order_number: Number(order.name.slice(1)),
    email: order.email,
    contact_email: order.email,
    currency: order.currency,
    presentment_currency: order.currency,
    total_price: money(total - order.discountMinor),
    subtotal_price: money(total - order.discountMinor),
    total_line_items_price: money(total),
    total_discounts: money(order.discountMinor),
    discount_codes: order.discountCode
      ? [{ code: order.discountCode, amount: money(order.discountMinor), type: "fixed_amount" }]
      : [],
    discount_applications: order.discountCode
      ? [
          {
            type: "discount_code",
            code: order.discountCode,
            title: order.appDiscount?.title ?? order.discountCode,
            description: order.appDiscount?.message ?? null,
            value: money(order.discountMinor),
            value_type: "fixed_amount",
            allocation_method: "across",
            target_selection: "all",
            target_type: "line_item",
          },
        ]
      : [],
    note_attributes: (order.customAttributes ?? []).map((a) => ({ name: a.key, value: a.value })),
    landing_site: order.landingSite ?? null,
    current_total_price: money(currentTotal(order)),
    total_outstanding: money(outstanding(order)),
    financial_status: order.financialStatus,
    fulfillment_status: order.fulfillmentStatus === "unfulfilled" ? null : order.fulfillmentStatus,
    source_name: order.sourceName,
    cancelled_at: order.cancelledAt,
    cancel_reason: order.cancelledAt ? "customer" : null,
    created_at: order.createdAt,
    processed_at: order.createdAt,
    updated_at: order.updatedAt,
    test: true,
    customer: customer && {
      id: BigInt(customer.legacyId),
      admin_graphql_api_id: customer.id,
      email: customer.email,
      first_name: customer.firstName,
      last_name: customer.lastName,
    },
    shipping_address: {
      address1: order.shippingAddress?.address1 ?? null,
      address2: order.shippingAddress?.address2 ?? null,
      city: order.shippingAddress?.city ?? null,
      zip: order.shippingAddress?.zip ?? null,
      country_code: order.shippingCountry,
      first_name: customer?.firstName ?? null,
      last_name: customer?.lastName ?? null,
    },
    payment_gateway_names: [order.paymentMethod === "paypal" ? "paypal" : "shopify_payments"],
    line_items: order.lines.map((l) => ({
      id: BigInt(l.legacyId),
      admin_graphql_api_id: l.id,
      product_id: BigInt(l.productId.split("/").pop() as string),
      variant_id: BigInt(l.variantId.split("/").pop() as string),
      title: l.title,
      variant_title: l.variantTitle,
      sku: l.sku,
      quantity: l.quantity,
      current_quantity: remainingQuantity(order, l),
      gift_card: l.isGiftCard === true,
      properties: Object.entries(l.properties ?? {}).map(([name, value]) => ({ name, value })),
      price: money(l.price),
      price_set: { shop_money: { amount: money(l.price), currency_code: order.currency } },
      selling_plan_allocation: l.sellingPlanId
        ? { selling_plan_id: BigInt(l.sellingPlanId.split("/").pop() as string) }
        : null,
    })),
    fulfillments: order.fulfillments.map((f) => fulfillmentPayload(order, f)),
    refunds: [],
  };
}

export function fulfillmentPayload(
  order: SandboxOrder,
  f: SandboxOrder["fulfillments"][number],
): Record<string, unknown> {
  return {
    id: BigInt(f.legacyId),
    admin_graphql_api_id: f.id,
    order_id: BigInt(order.legacyId),
    status: f.status,
    shipment_status: f.shipmentStatus,
    tracking_company: "UPS",
    tracking_number: f.trackingNumber,
    tracking_numbers: [f.trackingNumber],
    tracking_url: `https://www.ups.com/track?tracknum=${f.trackingNumber}`,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
    line_items: order.lines
      .filter((l) => f.lineItemIds.includes(l.id))
      .map((l) => ({ id: BigInt(l.legacyId), admin_graphql_api_id: l.id, quantity: l.quantity })),
  };
}

const APP_TOML = path.join(import.meta.dirname, "../../shopify.app.toml");

/**
 * The topics the app subscribes to, read from shopify.app.toml as `shopify app deploy` would
 * register them: Shopify sends an app only those, so the sandbox must not send it more.
 */
export function subscribedTopics(tomlPath = APP_TOML): Set<string> {
  const config = parseToml(fs.readFileSync(tomlPath, "utf8")) as {
    webhooks?: { subscriptions?: { topics?: string[]; compliance_topics?: string[] }[] };
  };
  const topics = new Set<string>();
  for (const s of config.webhooks?.subscriptions ?? [])
    for (const t of [...(s.topics ?? []), ...(s.compliance_topics ?? [])]) topics.add(t);
  return topics;
}

export class Outbox {
  deliveries: OutboxDelivery[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: SandboxStore,
    private endpoint: AppEndpoint | null,
    private readonly subscriptions: ReadonlySet<string> = subscribedTopics(),
  ) {}

  configure(endpoint: AppEndpoint | null): void {
    this.endpoint = endpoint;
  }

  start(intervalMs = 200): void {
    this.timer ??= setInterval(() => void this.deliverDue(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Queues a webhook; normal ones are attempted at once. */
  emit(
    shop: string,
    topic: string,
    payload: unknown,
    mode: DeliveryMode = "normal",
  ): OutboxDelivery {
    const delivery: OutboxDelivery = {
      webhookId: crypto.randomUUID(),
      eventId: crypto.randomUUID(),
      shop,
      topic,
      body: shopifyJson(payload),
      mode,
      attempts: 0,
      status: !this.subscriptions.has(topic)
        ? "unsubscribed"
        : mode === "hold"
          ? "held"
          : "pending",
      nextAttemptAt: this.store.clock(),
      responses: [],
      createdAt: this.store.now(),
    };
    this.deliveries.push(delivery);
    if (delivery.status === "pending") void this.attempt(delivery);
    return delivery;
  }

  /** Releases held deliveries, newest first: they arrive late and out of order. */
  async release(): Promise<number> {
    const held = this.deliveries.filter((d) => d.status === "held").reverse();
    for (const d of held) {
      d.status = "pending";
      await this.attempt(d);
    }
    return held.length;
  }

  /** Sends every pending delivery whose retry time has come (or all of them with `all`). */
  async deliverDue(all = false): Promise<number> {
    const due = this.deliveries.filter(
      (d) =>
        d.status === "pending" && d.attempts > 0 && (all || d.nextAttemptAt <= this.store.clock()),
    );
    for (const d of due) await this.attempt(d);
    return due.length;
  }

  pending(): OutboxDelivery[] {
    return this.deliveries.filter(
      (d) => d.status === "pending" || d.status === "held" || d.status === "sending",
    );
  }

  private async attempt(delivery: OutboxDelivery): Promise<void> {
    if (!this.endpoint || delivery.status === "sending") return;
    delivery.attempts += 1;
    delivery.status = "sending";
    const status = await this.post(delivery);
    delivery.status = "pending";
    delivery.responses.push(status);
    if (status >= 200 && status < 300) {
      delivery.status = "delivered";
      // "duplicate": Shopify sometimes delivers the same webhook id twice.
      if (delivery.mode === "duplicate" && delivery.responses.length === 1)
        delivery.responses.push(await this.post(delivery));
      return;
    }
    const delay = RETRY_DELAYS_MS[delivery.attempts - 1];
    if (delay === undefined) delivery.status = "failed";
    else delivery.nextAttemptAt = this.store.clock() + delay;
  }

  private async post(delivery: OutboxDelivery): Promise<number> {
    const endpoint = this.endpoint as AppEndpoint;
    const hmac = crypto
      .createHmac("sha256", endpoint.apiSecret)
      .update(delivery.body, "utf8")
      .digest("base64");
    try {
      const response = await fetch(`${endpoint.appUrl}/webhooks/${delivery.topic}`, {
        method: "POST",
        body: delivery.body,
        signal: AbortSignal.timeout(5000),
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Hmac-Sha256": hmac,
          "X-Shopify-Topic": delivery.topic,
          "X-Shopify-Shop-Domain": delivery.shop,
          "X-Shopify-Webhook-Id": delivery.webhookId,
          "X-Shopify-Event-Id": delivery.eventId,
          "X-Shopify-API-Version": endpoint.apiVersion,
          "X-Shopify-Triggered-At": delivery.createdAt,
        },
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }
}
