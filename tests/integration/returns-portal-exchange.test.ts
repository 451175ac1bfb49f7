import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { returnTerms } from "~/features/returns/domain/terms";
import { action as portalAction, loader as portalLoader } from "~/routes/proxy.returns";
import { getCurrentPolicy } from "~/services/policy.server";
import { seedDemoStore } from "../sandbox/seed";
import { proxyRequest } from "../support/proxy";
import { startSandbox } from "../support/sandbox";
import { installShop } from "../support/shopify";

// An exchange in the portal against the sandbox's Admin API: the same product's sizes with live
// stock, sold-out sizes offered made to order with their date, and the chosen size's title and
// price taken from Shopify (never from the form) into the preview and the case.

const SHOP = "portal-exchange.myshopify.com";
const context = startSandbox();
const DAY = 86_400_000;

async function exchangeOrder() {
  const { store } = context;
  seedDemoStore(store, SHOP);
  await installShop(store, SHOP);
  const product = store.shop(SHOP).products.find((p) => p.handle === "little-black-heels")!;
  const bought = product.variants.find((v) => v.title === "8 / Medium")!;
  const policy = await getCurrentPolicy(SHOP);
  const order = await prisma.returnOrder.create({
    data: {
      shop: SHOP,
      orderGid: "gid://shopify/Order/77001",
      orderName: "#7001",
      customerGid: "gid://shopify/Customer/701",
      customerEmail: "ex@example.com",
      sourceName: "web",
      shippingCountry: "US",
      currencyCode: "USD",
      policyVersion: policy.version,
      terms: JSON.stringify(returnTerms(policy.document, policy.version)),
      placedAt: new Date(Date.now() - 6 * DAY),
      lines: {
        create: [
          {
            lineItemGid: "gid://shopify/LineItem/77001",
            productGid: product.id,
            variantGid: bought.id,
            title: product.title,
            variantTitle: bought.title,
            quantity: 1,
            paidTotalMinor: 24500,
            unitPriceMinor: 24500,
            tags: JSON.stringify(product.tags),
            deliveredAt: new Date(Date.now() - 2 * DAY),
          },
        ],
      },
    },
    include: { lines: true },
  });
  return { order, product, bought };
}

const call = async (fn: (args: LoaderFunctionArgs) => Promise<Response>, request: Request) => {
  try {
    return await fn({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

describe("exchange in the return portal", () => {
  it("offers the product's other sizes with live stock and made-to-order dates, and opens the exchange", async () => {
    const { order, product } = await exchangeOrder();
    const inStock = product.variants.find(
      (v) => v.title === "8.5 / Medium" && v.inventoryQuantity > 0,
    );
    const soldOut = product.variants.find((v) => v.inventoryQuantity <= 0);
    const html = await (
      await call(
        portalLoader,
        proxyRequest(SHOP, "/returns", "701", {}, { query: { order: order.id } }),
      )
    ).text();
    expect(html).toContain("8.5 / Medium — in stock");
    expect(soldOut).toBeDefined();
    expect(html).toContain(`${soldOut!.title} — made to order, ships about`);

    const target =
      inStock ?? product.variants.find((v) => v.inventoryQuantity > 0 && v.title !== "8 / Medium")!;
    const body = new FormData();
    const fields: Record<string, string> = {
      orderId: order.id,
      "lines[0].selected": "1",
      "lines[0].gid": order.lines[0]!.lineItemGid,
      "lines[0].quantity": "1",
      "lines[0].reason": "SIZE_TOO_SMALL",
      "lines[0].fit": "too_tight",
      "lines[0].outcome": "exchange",
      "lines[0].exchange": target.id,
    };
    for (const [k, v] of Object.entries({ intent: "preview", ...fields })) body.set(k, v);
    const preview = await (
      await call(portalAction, proxyRequest(SHOP, "/returns", "701", { method: "POST", body }))
    ).text();
    expect(preview).toContain(`Exchange for ${target.title}, at no cost`);
    expect(preview).toContain("We cover the shipping of the new pair.");

    const submitBody = new FormData();
    for (const [k, v] of Object.entries({ intent: "submit", ...fields })) submitBody.set(k, v);
    const submit = await call(
      portalAction,
      proxyRequest(SHOP, "/returns", "701", { method: "POST", body: submitBody }),
    );
    expect(submit.status).toBe(303);
    const line = await prisma.returnCaseLine.findFirstOrThrow({
      where: { returnCase: { orderId: order.id } },
    });
    expect(line).toMatchObject({
      outcome: "exchange",
      exchangeVariantGid: target.id,
      exchangeTitle: target.title,
      exchangePriceMinor: 24500,
    });
  });
});
