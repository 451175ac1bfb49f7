/// <reference types="vite/client" />
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { MAX_WEBHOOK_BYTES, receiveWebhook } from "~/platform/webhooks/inbox.server";
import { WEBHOOK_TOPICS, COMPLIANCE_TOPICS, type WebhookTopic } from "~/platform/webhooks/topics";
import { action as ordersCreate } from "~/routes/webhooks.orders.create";
import { examplePayload } from "../support/payloads";
import { installShop, webhookRequest } from "../support/shopify";
import { runJobs } from "../support/worker";
import { startSandbox } from "../support/sandbox";

const SHOP = "demo-shoes.myshopify.com";
const sandbox = startSandbox();

async function counts() {
  const [deliveries, jobs, orders, events] = await Promise.all([
    prisma.webhookDelivery.count(),
    prisma.job.count(),
    prisma.shopOrder.count(),
    prisma.orderEvent.count(),
  ]);
  return { deliveries, jobs, orders, events };
}

const call = (request: Request) => ordersCreate({ request, params: {}, context: {} });

describe("webhook inbox", () => {
  beforeEach(async () => {
    await installShop(null, SHOP);
  });

  it("answers 401 to a forged or unsigned delivery and records nothing", async () => {
    const payload = examplePayload("orders/create");
    const forged = await call(
      webhookRequest("orders/create", payload, { secret: "not-the-app-secret" }),
    );
    const unsigned = await call(webhookRequest("orders/create", payload, { hmac: null }));
    const tampered = webhookRequest("orders/create", payload);
    const body = (await tampered.text()).replace("#9999", "#1");
    const tamperedResponse = await call(
      new Request(tampered.url, { method: "POST", headers: tampered.headers, body }),
    );
    expect([forged.status, unsigned.status, tamperedResponse.status]).toEqual([401, 401, 401]);
    expect(await counts()).toEqual({ deliveries: 0, jobs: 0, orders: 0, events: 0 });
  });

  it("records a delivery once with its metadata and queues the work", async () => {
    const response = await call(
      webhookRequest("orders/create", examplePayload("orders/create"), {
        webhookId: "delivery-1",
        triggeredAt: "2026-11-20T10:00:00.000Z",
      }),
    );
    expect(response.status).toBe(200);
    const delivery = await prisma.webhookDelivery.findUniqueOrThrow({
      where: { id: "delivery-1" },
    });
    expect(delivery).toMatchObject({
      shop: SHOP,
      topic: "orders/create",
      apiVersion: "2026-10",
      status: "accepted",
    });
    expect(delivery.triggeredAt?.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(await prisma.job.findFirst({ where: { type: "webhook.process" } })).toMatchObject({
      idempotencyKey: "webhook:delivery-1",
      status: "queued",
    });
    // Acknowledged before any work: the order is not mirrored until the job runs.
    expect(await prisma.shopOrder.count()).toBe(0);
    await runJobs();
    expect(await prisma.shopOrder.count()).toBe(1);
    expect(
      (await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: "delivery-1" } })).status,
    ).toBe("processed");
  });

  it("answers 200 to a second delivery of the same id with no second effect", async () => {
    const payload = examplePayload("orders/create");
    expect(
      (await call(webhookRequest("orders/create", payload, { webhookId: "same" }))).status,
    ).toBe(200);
    await runJobs();
    const before = await counts();
    expect(
      (await call(webhookRequest("orders/create", payload, { webhookId: "same" }))).status,
    ).toBe(200);
    await runJobs();
    expect(await counts()).toEqual(before);
  });

  it("rejects malformed JSON with a valid signature: 400, recorded as rejected, nothing else", async () => {
    const response = await call(
      webhookRequest("orders/create", '{"admin_graphql_api_id": "gid://shopify/Order/1",', {
        webhookId: "bad-json",
      }),
    );
    expect(response.status).toBe(400);
    expect(
      await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: "bad-json" } }),
    ).toMatchObject({ status: "rejected", error: "malformed JSON body", payload: null });
    expect(await prisma.job.count()).toBe(0);
  });

  it("refuses an HMAC header with anything after the valid value, an array body and an oversized one", async () => {
    const payload = JSON.stringify(examplePayload("orders/create"));
    const valid = webhookRequest("orders/create", payload).headers.get("x-shopify-hmac-sha256")!;
    // Buffer.from(…, "base64") stops at the first character that is not base64.
    const extra = await call(webhookRequest("orders/create", payload, { hmac: `${valid}!!` }));
    const padded = await call(webhookRequest("orders/create", payload, { hmac: `${valid}=` }));
    expect([extra.status, padded.status]).toEqual([401, 401]);
    expect(await counts()).toEqual({ deliveries: 0, jobs: 0, orders: 0, events: 0 });

    const array = await call(webhookRequest("orders/create", "[1,2,3]", { webhookId: "array" }));
    expect(array.status).toBe(400);
    expect(
      await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: "array" } }),
    ).toMatchObject({ status: "rejected", error: "payload is not a JSON object", payload: null });

    // Past the cap: refused from its declared length, or while streaming when none is declared.
    const huge = `{"pad":"${"x".repeat(MAX_WEBHOOK_BYTES)}"}`;
    const declared = await call(webhookRequest("orders/create", huge));
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        // An endless body: the reader must stop on its own.
        controller.enqueue(chunk);
      },
    });
    const signed = webhookRequest("orders/create", "{}");
    const streamed = await call(
      new Request(signed.url, {
        method: "POST",
        headers: signed.headers,
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect([declared.status, streamed.status]).toEqual([413, 413]);
    expect(sent).toBeLessThan(MAX_WEBHOOK_BYTES + 4 * chunk.byteLength);
    expect(await prisma.job.count()).toBe(0);
    expect(await prisma.webhookDelivery.count()).toBe(1);
  });

  it("answers 405 with Allow: POST to any other method on every webhook route", async () => {
    const routes = Object.entries(
      import.meta.glob<{ loader?: unknown; action?: unknown }>("../../app/routes/webhooks.*.tsx", {
        eager: true,
      }),
    );
    expect(routes.length).toBeGreaterThan(20);
    for (const [file, route] of routes) {
      const loader = route.loader as (args: unknown) => Response;
      const action = route.action as (args: unknown) => Promise<Response>;
      const url = "https://fitting-room.test/webhooks/x";
      const get = await loader({ request: new Request(url), params: {}, context: {} });
      const put = await action({
        request: new Request(url, { method: "PUT" }),
        params: {},
        context: {},
      });
      expect([file, get.status, get.headers.get("allow"), put.status]).toEqual([
        file,
        405,
        "POST",
        405,
      ]);
    }
    expect(await counts()).toEqual({ deliveries: 0, jobs: 0, orders: 0, events: 0 });
  });

  it("rejects a delivery whose topic header does not match its route", async () => {
    const response = await call(
      webhookRequest(
        "orders/create",
        { a: 1 },
        { topicHeader: "orders/paid", webhookId: "wrong-topic" },
      ),
    );
    expect(response.status).toBe(400);
    expect(
      (await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: "wrong-topic" } })).status,
    ).toBe("rejected");
    expect(await prisma.job.count()).toBe(0);
  });

  it("processes Shopify's example payload of every subscribed topic", async () => {
    const store = sandbox.store;
    await installShop(store, SHOP);
    // Erasing topics are exercised in compliance.test.ts: here they would erase the others' rows.
    const topics = [...WEBHOOK_TOPICS, ...COMPLIANCE_TOPICS].filter(
      (t) => !["shop/redact", "customers/redact", "app/uninstalled"].includes(t),
    );
    for (const topic of topics) {
      const payload = examplePayload(topic);
      if ("shop_domain" in payload) payload.shop_domain = SHOP;
      const response = await receiveWebhook(
        webhookRequest(topic, payload, { webhookId: `example-${topic}` }),
        topic as WebhookTopic,
      );
      expect(response.status, topic).toBe(200);
    }
    await runJobs();
    const failed = await prisma.job.findMany({ where: { status: { not: "succeeded" } } });
    expect(failed.map((j) => `${j.payload}: ${j.lastError}`)).toEqual([]);
    const kinds = (await prisma.orderEvent.findMany({ select: { kind: true } })).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "order.created",
        "order.paid",
        "fulfillment.created",
        "fulfillment_event.in_transit",
        "return.requested",
        "refund.created",
      ]),
    );
    // The fulfillment example's order id (18 digits) is kept exact, not rounded.
    const fulfillment = await prisma.orderEvent.findFirstOrThrow({
      where: { kind: "fulfillment.created" },
    });
    expect(fulfillment.orderGid).toMatch(/^gid:\/\/shopify\/Order\/\d{18}$/);
    expect(await prisma.revokedPaymentMethod.count()).toBe(1);
    expect(await prisma.dataRequestReport.count()).toBe(1);
  });
});

describe("order mirror", () => {
  it("ignores an older snapshot delivered after a newer one", async () => {
    await installShop(null, SHOP);
    const newer = {
      ...examplePayload("orders/updated"),
      financial_status: "paid",
      updated_at: "2026-11-20T12:00:00Z",
    };
    const older = {
      ...newer,
      total_price: "1.00",
      financial_status: "pending",
      updated_at: "2026-11-20T11:00:00Z",
    };
    await receiveWebhook(
      webhookRequest("orders/updated", newer, { webhookId: "new" }),
      "orders/updated",
    );
    await runJobs();
    await receiveWebhook(
      webhookRequest("orders/updated", older, { webhookId: "old" }),
      "orders/updated",
    );
    await runJobs();
    const order = await prisma.shopOrder.findFirstOrThrow();
    expect(order.financialStatus).toBe("paid");
    expect(order.totalMinor).toBe(40495); // the example's "404.95", not the stale "1.00"
    expect(await prisma.orderEvent.count({ where: { kind: "order.updated" } })).toBe(2);
  });
});

describe("deliveries for a shop the app does not serve", () => {
  const STRANGER = "never-installed.myshopify.com";
  const order = () => ({
    ...examplePayload("orders/create"),
    admin_graphql_api_id: "gid://shopify/Order/404404",
  });

  async function everything() {
    const [shops, deliveries, jobs, orders, events] = await Promise.all([
      prisma.shop.count(),
      prisma.webhookDelivery.count(),
      prisma.job.count(),
      prisma.shopOrder.count(),
      prisma.orderEvent.count(),
    ]);
    return { shops, deliveries, jobs, orders, events };
  }

  it("acknowledges a signed delivery for a shop that never installed the app and keeps nothing", async () => {
    const before = await everything();
    for (const topic of ["orders/create", "app/uninstalled", "customers/redact", "shop/redact"]) {
      const response = await receiveWebhook(
        webhookRequest(
          topic,
          { ...examplePayload(topic), shop_domain: STRANGER },
          {
            shop: STRANGER,
          },
        ),
        topic as WebhookTopic,
      );
      expect(response.status, topic).toBe(200);
    }
    await runJobs();
    expect(await everything()).toEqual(before);
  });

  it("after an uninstall drops the shop's orders but still honours its compliance requests", async () => {
    await installShop(null, SHOP);
    await receiveWebhook(
      webhookRequest("app/uninstalled", examplePayload("app/uninstalled")),
      "app/uninstalled",
    );
    await runJobs();
    const before = await everything();
    const late = await call(webhookRequest("orders/create", order(), { webhookId: "late-order" }));
    expect(late.status).toBe(200);
    await runJobs();
    expect(await everything()).toEqual(before);

    const redact = await receiveWebhook(
      webhookRequest("shop/redact", { ...examplePayload("shop/redact"), shop_domain: SHOP }),
      "shop/redact",
    );
    expect(redact.status).toBe(200);
    await runJobs();
    // shop/redact ran: the shop and everything it had are gone.
    expect(await prisma.shop.count({ where: { domain: SHOP } })).toBe(0);
    expect(await prisma.webhookDelivery.count({ where: { shop: SHOP } })).toBe(0);
  });
});

describe("app lifecycle webhooks", () => {
  it("app/uninstalled marks the shop uninstalled and removes its sessions", async () => {
    await installShop(null, SHOP);
    await receiveWebhook(
      webhookRequest("app/uninstalled", examplePayload("app/uninstalled")),
      "app/uninstalled",
    );
    await runJobs();
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(
      (await prisma.shop.findUniqueOrThrow({ where: { domain: SHOP } })).uninstalledAt,
    ).not.toBeNull();
  });

  it("ignores an app/uninstalled sent before the shop's latest install (a quick reinstall)", async () => {
    await installShop(null, SHOP);
    const reinstalledAt = new Date();
    await prisma.shop.update({ where: { domain: SHOP }, data: { installedAt: reinstalledAt } });
    await receiveWebhook(
      webhookRequest("app/uninstalled", examplePayload("app/uninstalled"), {
        triggeredAt: new Date(reinstalledAt.getTime() - 60_000).toISOString(),
      }),
      "app/uninstalled",
    );
    await runJobs();
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(1);
    expect(
      (await prisma.shop.findUniqueOrThrow({ where: { domain: SHOP } })).uninstalledAt,
    ).toBeNull();
  });

  it("app/scopes_update stores the new scopes on the sessions", async () => {
    await installShop(null, SHOP);
    await receiveWebhook(
      webhookRequest("app/scopes_update", {
        ...examplePayload("app/scopes_update"),
        current: ["write_orders", "write_products"],
      }),
      "app/scopes_update",
    );
    await runJobs();
    expect((await prisma.session.findFirstOrThrow({ where: { shop: SHOP } })).scope).toBe(
      "write_orders,write_products",
    );
  });
});
