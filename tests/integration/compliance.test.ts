import { describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { receiveWebhook } from "~/platform/webhooks/inbox.server";
import { MODELS_WITHOUT_CUSTOMER_DATA, MODELS_WITH_CUSTOMER_DATA } from "~/compliance.server";
import { performEffect } from "~/platform/effects.server";
import { setClockSource, resetClock } from "~/platform/clock.server";
import {
  WEBHOOK_RETENTION_JOB,
  scheduleWebhookRetention,
  sweepWebhookPayloads,
} from "~/platform/webhooks/retention.server";
import { examplePayload } from "../support/payloads";
import { installShop, webhookRequest } from "../support/shopify";
import { dumpEveryTable } from "../support/dump";
import { runJobs } from "../support/worker";

const SHOP = "demo-shoes.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const CUSTOMER = "gid://shopify/Customer/191167";

async function seedCustomerOrder(
  shop: string,
  orderId: string,
  customerId = "191167",
  email = "john@example.com",
  firstName = "John",
) {
  await installShop(null, shop);
  const order = {
    ...examplePayload("orders/create"),
    admin_graphql_api_id: `gid://shopify/Order/${orderId}`,
    email,
    customer: {
      admin_graphql_api_id: `gid://shopify/Customer/${customerId}`,
      first_name: firstName,
      last_name: "Smith",
      email,
    },
  };
  await receiveWebhook(webhookRequest("orders/create", order, { shop }), "orders/create");
  await receiveWebhook(
    webhookRequest(
      "customer_payment_methods/revoke",
      {
        ...examplePayload("customer_payment_methods/revoke"),
        admin_graphql_api_customer_id: `gid://shopify/Customer/${customerId}`,
      },
      { shop },
    ),
    "customer_payment_methods/revoke",
  );
  await runJobs();
  await performEffect(
    {
      shop,
      key: `charge:${orderId}`,
      kind: "test",
      request: { order: `gid://shopify/Order/${orderId}`, email },
    },
    async () => ({ ok: true }),
  );
}

describe("compliance webhooks", () => {
  it("every model is declared as holding customer data or not", () => {
    const models = Prisma.dmmf.datamodel.models.map((m) => m.name).sort();
    const declared = [
      ...MODELS_WITH_CUSTOMER_DATA,
      ...Object.keys(MODELS_WITHOUT_CUSTOMER_DATA),
    ].sort();
    expect(declared).toEqual(models);
  });

  it("customers/data_request produces the customer's data for the merchant", async () => {
    await seedCustomerOrder(SHOP, "299938");
    await receiveWebhook(
      webhookRequest("customers/data_request", {
        ...examplePayload("customers/data_request"),
        shop_domain: SHOP,
      }),
      "customers/data_request",
    );
    await runJobs();
    const report = await prisma.dataRequestReport.findFirstOrThrow({ where: { shop: SHOP } });
    expect(report.requestId).toBe("9999");
    const data = JSON.parse(report.report);
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0]).toMatchObject({
      orderGid: "gid://shopify/Order/299938",
      email: "john@example.com",
      customerName: "John Smith",
    });
    expect(data.timeline.map((e: { kind: string }) => e.kind)).toContain("order.created");
    expect(data.revokedPaymentMethods).toHaveLength(1);
    // The request named her: once the report holds what she asked for, the inbox does not.
    expect(
      await prisma.webhookDelivery.findFirstOrThrow({ where: { topic: "customers/data_request" } }),
    ).toMatchObject({ status: "processed", payload: null });
  });

  it("customers/redact erases that customer's personal data from every table, and only theirs", async () => {
    // She typed her address with capitals on this order; Shopify's request has it in lower case.
    await seedCustomerOrder(SHOP, "299938", "191167", "John@Example.COM");
    await seedCustomerOrder(SHOP, "555555", "777", "someone@else.com", "Zelda");
    // A guest checkout: only her email (in capitals) says it is hers.
    await receiveWebhook(
      webhookRequest("orders/create", {
        ...examplePayload("orders/create"),
        id: 4242,
        admin_graphql_api_id: "gid://shopify/Order/4242",
        email: "JOHN@EXAMPLE.COM",
        contact_email: "JOHN@EXAMPLE.COM",
        customer: null,
      }),
      "orders/create",
    );
    await runJobs();
    await receiveWebhook(
      webhookRequest("customers/redact", {
        ...examplePayload("customers/redact"),
        shop_domain: SHOP,
      }),
      "customers/redact",
    );
    await runJobs();

    const order = await prisma.shopOrder.findFirstOrThrow({
      where: { orderGid: "gid://shopify/Order/299938" },
    });
    expect(order).toMatchObject({ email: null, customerName: null, customerGid: null });
    expect(
      await prisma.shopOrder.findFirstOrThrow({ where: { orderGid: "gid://shopify/Order/4242" } }),
    ).toMatchObject({ email: null });
    const dump = await dumpEveryTable();
    expect(dump.toLowerCase()).not.toContain("john@example.com");
    expect(dump).not.toContain(CUSTOMER);
    // REST payloads carry her id bare ("id":191167), the redaction request's own one included.
    expect(dump).not.toMatch(/(?<![0-9.])191167(?![0-9])/);
    expect(dump).not.toContain("John");
    const request = await prisma.webhookDelivery.findFirstOrThrow({
      where: { topic: "customers/redact" },
    });
    expect(request).toMatchObject({ status: "processed", payload: null });
    // The other customer is untouched.
    expect(
      await prisma.shopOrder.findFirstOrThrow({
        where: { orderGid: "gid://shopify/Order/555555" },
      }),
    ).toMatchObject({ email: "someone@else.com" });
    expect(dump).toContain("someone@else.com");
  });

  it("drops the payloads of settled deliveries after the retention, daily", async () => {
    const start = Date.parse("2026-11-02T10:00:00Z");
    setClockSource(() => start);
    try {
      await seedCustomerOrder(SHOP, "299938");
      // One delivery still waiting for its job: its payload is needed and stays.
      await receiveWebhook(
        webhookRequest("orders/create", examplePayload("orders/create")),
        "orders/create",
      );
      const kept = await prisma.webhookDelivery.count({ where: { payload: { not: null } } });
      expect(await sweepWebhookPayloads(new Date(start + 6 * 86_400_000))).toEqual({});

      setClockSource(() => start + 8 * 86_400_000);
      await scheduleWebhookRetention();
      await scheduleWebhookRetention(); // a second start the same day queues nothing more
      expect(await prisma.job.count({ where: { type: WEBHOOK_RETENTION_JOB } })).toBe(1);
      const ran = await prisma.job.findFirstOrThrow({ where: { type: WEBHOOK_RETENTION_JOB } });
      await prisma.job.updateMany({
        where: { type: "webhook.process", status: "queued" },
        data: { runAt: new Date(start + 30 * 86_400_000) },
      });
      await runJobs();
      const left = await prisma.webhookDelivery.findMany({ where: { payload: { not: null } } });
      expect(left.map((d) => d.status)).toEqual(["accepted"]);
      expect(kept).toBeGreaterThan(1);
      // The sweep queued tomorrow's.
      const next = await prisma.job.findFirstOrThrow({
        where: { type: WEBHOOK_RETENTION_JOB, id: { not: ran.id } },
      });
      expect(next.runAt.toISOString()).toBe("2026-11-11T03:00:00.000Z");
    } finally {
      resetClock();
    }
  });

  it("shop/redact erases the shop's data and no other shop's", async () => {
    await installShop(null, SHOP);
    await installShop(null, OTHER);
    await seedCustomerOrder(SHOP, "1001");
    await seedCustomerOrder(OTHER, "2002");
    await receiveWebhook(
      webhookRequest("shop/redact", { ...examplePayload("shop/redact"), shop_domain: SHOP }),
      "shop/redact",
    );
    await runJobs();
    const left = await Promise.all([
      prisma.shopOrder.count({ where: { shop: SHOP } }),
      prisma.orderEvent.count({ where: { shop: SHOP } }),
      prisma.webhookDelivery.count({ where: { shop: SHOP } }),
      prisma.session.count({ where: { shop: SHOP } }),
      prisma.shop.count({ where: { domain: SHOP } }),
      prisma.effect.count({ where: { shop: SHOP } }),
      prisma.revokedPaymentMethod.count({ where: { shop: SHOP } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await prisma.shopOrder.count({ where: { shop: OTHER } })).toBe(1);
    expect(await prisma.session.count({ where: { shop: OTHER } })).toBe(1);
  });
});
