import { describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { receiveWebhook } from "~/platform/webhooks/inbox.server";
import { MODELS_WITHOUT_CUSTOMER_DATA, MODELS_WITH_CUSTOMER_DATA } from "~/compliance.server";
import { performEffect } from "~/platform/effects.server";
import { examplePayload } from "../support/payloads";
import { installShop, webhookRequest } from "../support/shopify";
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
  });

  it("customers/redact erases that customer's personal data from every table, and only theirs", async () => {
    await seedCustomerOrder(SHOP, "299938");
    await seedCustomerOrder(SHOP, "555555", "777", "someone@else.com", "Zelda");
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
    const dump = JSON.stringify(
      await Promise.all([
        prisma.shopOrder.findMany({ where: { orderGid: "gid://shopify/Order/299938" } }),
        prisma.orderEvent.findMany({ where: { orderGid: "gid://shopify/Order/299938" } }),
        prisma.webhookDelivery.findMany({ where: { topic: { not: "customers/redact" } } }),
        prisma.revokedPaymentMethod.findMany(),
        prisma.dataRequestReport.findMany(),
        prisma.effect.findMany(),
      ]),
    );
    expect(dump).not.toContain("john@example.com");
    expect(dump).not.toContain(CUSTOMER);
    expect(dump).not.toContain("John");
    // The other customer is untouched.
    expect(
      await prisma.shopOrder.findFirstOrThrow({
        where: { orderGid: "gid://shopify/Order/555555" },
      }),
    ).toMatchObject({ email: "someone@else.com" });
    expect(dump).toContain("someone@else.com");
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
