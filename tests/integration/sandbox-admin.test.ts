import { describe, expect, it } from "vitest";
import { GraphQLClient, ClientError } from "graphql-request";
import { rewriteForSandbox, sandboxUrl } from "~/platform/sandbox-routing.server";
import { executeAdmin } from "../sandbox/admin/executor";
import { SandboxStore } from "../sandbox/store";
import { startSandbox } from "../support/sandbox";

const SHOP = "demo-shoes.myshopify.com";
const sandbox = startSandbox();

function client(token: string) {
  return new GraphQLClient(`${sandbox.url}/admin/api/2026-10/graphql.json`, {
    headers: { "X-Shopify-Access-Token": token, "X-Sandbox-Shop": SHOP },
  });
}

describe("sandbox Admin API", () => {
  it("executes the app's operations over the real schema, with Shopify's cost extension", async () => {
    const shop = sandbox.store.addShop(SHOP);
    shop.accessTokens.add("token");
    const { data, extensions } = await client("token").rawRequest<{
      shop: { currencyCode: string };
    }>("query ShopDetails { shop { currencyCode } }");
    expect(data.shop.currencyCode).toBe("USD");
    expect(extensions).toMatchObject({
      cost: { throttleStatus: { maximumAvailable: 2000, restoreRate: 100 } },
    });
  });

  it("rejects an operation with a misspelt field as Shopify would", async () => {
    const store = new SandboxStore();
    store.addShop(SHOP);
    const result = await executeAdmin(store, SHOP, { query: "query { shop { currencyCod } }" });
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "currencyCod" on type "Shop"/);
    expect(result.data).toBeUndefined();
  });

  it("answers `not simulated` for a field it does not simulate instead of a silent null", async () => {
    const store = new SandboxStore();
    store.addShop(SHOP);
    const result = await executeAdmin(store, SHOP, { query: "query { shop { email } }" });
    expect(result.errors?.[0]?.message).toBe("not simulated: Shop.email");
    const orders = await executeAdmin(store, SHOP, {
      query: "query { orders(first: 1) { nodes { id } } }",
    });
    expect(orders.errors?.[0]?.message).toBe("not simulated: QueryRoot.orders");
  });

  it("throttles when the shop's bucket is empty", async () => {
    const store = new SandboxStore();
    store.addShop(SHOP).bucket.drain();
    const result = await executeAdmin(store, SHOP, { query: "query { shop { currencyCode } }" });
    expect(result.errors?.[0]?.extensions?.code).toBe("THROTTLED");
    expect(result.extensions).toMatchObject({
      cost: { throttleStatus: { currentlyAvailable: 0 } },
    });
  });

  it("charges what a query returned, not what it asked for, as Shopify does", async () => {
    const store = new SandboxStore();
    store.addShop(SHOP);
    const query = "query { products(first: 100) { nodes { id } } }";
    const result = await executeAdmin(store, SHOP, { query });
    const cost = (result.extensions as { cost: Record<string, number> }).cost;
    expect(cost.requestedQueryCost).toBeGreaterThan(100);
    expect(cost.actualQueryCost).toBeLessThan(cost.requestedQueryCost as number);
    const status = store.shop(SHOP).bucket.status();
    expect(status.maximumAvailable - status.currentlyAvailable).toBeLessThanOrEqual(
      cost.actualQueryCost as number,
    );
  });

  it("refuses a query over Shopify's single-query cost limit", async () => {
    const store = new SandboxStore();
    store.addShop(SHOP);
    const query =
      "query { products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }";
    const result = await executeAdmin(store, SHOP, { query });
    expect(result.errors?.[0]?.extensions?.code).toBe("MAX_COST_EXCEEDED");
    expect(result.data).toBeUndefined();
  });

  it("refuses Plus-only arguments on a Standard shop", async () => {
    const store = new SandboxStore();
    store.addShop(SHOP);
    const query = `mutation { orderCreateMandatePayment(id: "gid://shopify/Order/1", mandateId: "gid://shopify/PaymentMandate/1", idempotencyKey: "k", amount: { amount: "10.00", currencyCode: USD }) { job { id } } }`;
    const result = await executeAdmin(store, SHOP, { query });
    expect(result.errors?.[0]?.extensions?.code).toBe("ACCESS_DENIED");
  });

  it("refuses an unknown access token", async () => {
    sandbox.store.addShop(SHOP);
    await expect(client("wrong").request("query { shop { name } }")).rejects.toBeInstanceOf(
      ClientError,
    );
  });
});

describe("sandbox routing", () => {
  it("is off unless FITTING_ROOM_SANDBOX_URL is set", () => {
    expect(sandboxUrl({})).toBeNull();
    expect(sandboxUrl({ FITTING_ROOM_SANDBOX_URL: "  " })).toBeNull();
    expect(sandboxUrl({ FITTING_ROOM_SANDBOX_URL: "http://127.0.0.1:4000/" })).toBe(
      "http://127.0.0.1:4000",
    );
  });

  it("only rewrites https://<shop>.myshopify.com requests", () => {
    expect(
      rewriteForSandbox(
        "https://demo-shoes.myshopify.com/admin/api/2026-10/graphql.json",
        "http://127.0.0.1:4000",
      ),
    ).toEqual({
      url: "http://127.0.0.1:4000/admin/api/2026-10/graphql.json",
      shop: "demo-shoes.myshopify.com",
    });
    expect(rewriteForSandbox("https://example.com/x", "http://127.0.0.1:4000")).toBeNull();
    expect(
      rewriteForSandbox("http://demo-shoes.myshopify.com/x", "http://127.0.0.1:4000"),
    ).toBeNull();
  });
});
