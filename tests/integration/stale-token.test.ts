import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { authenticate, offlineAdmin } from "~/shopify.server";
import { RetryableJobError } from "~/platform/jobs/errors.server";
import { adminRequest, installShop } from "../support/shopify";
import { startSandbox } from "../support/sandbox";

// The sandbox's POST /reset forgets every access token, as a reinstall on Shopify does: the
// app's stored offline token is then refused (401) and a new one must be exchanged.
const SHOP = "demo-shoes.myshopify.com";
const sandbox = startSandbox();
const QUERY = "query ShopCurrency { shop { currencyCode } }";

async function storedToken(): Promise<string | null> {
  const row = await prisma.session.findUnique({ where: { id: `offline_${SHOP}` } });
  return row?.accessToken ?? null;
}

describe("a refused offline access token", () => {
  it("is exchanged again, once, on an admin request that still carries a session token", async () => {
    const { accessToken } = await installShop(sandbox.store, SHOP);
    sandbox.store.shop(SHOP).accessTokens.clear();

    const { admin } = await authenticate.admin(adminRequest(SHOP, "/app"));
    const response = await admin.graphql(QUERY);
    const body = (await response.json()) as { data: { shop: { currencyCode: string } } };

    expect(body.data.shop.currencyCode).toBe("USD");
    const tokens = sandbox.store.shop(SHOP).accessTokens;
    expect(tokens.size).toBe(1);
    const fresh = await storedToken();
    expect(fresh).not.toBe(accessToken);
    expect(tokens.has(fresh ?? "")).toBe(true);
  });

  it("answers 401 when the new token is refused too, with no further exchange", async () => {
    await installShop(sandbox.store, SHOP);
    const shop = sandbox.store.shop(SHOP);
    shop.accessTokens.clear();
    // Every token Shopify hands out is refused at once: one exchange, then the 401 stands.
    let exchanged = 0;
    shop.accessTokens.add = function (this: Set<string>) {
      exchanged += 1;
      return this;
    };

    const { admin } = await authenticate.admin(adminRequest(SHOP, "/app"));
    const refusal = await admin.graphql(QUERY).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(401);
    expect(exchanged).toBe(1);
  });

  it("is blanked by background work, which waits, and the next opening of the app exchanges", async () => {
    await installShop(sandbox.store, SHOP);
    sandbox.store.shop(SHOP).accessTokens.clear();

    const graphql = await offlineAdmin(SHOP);
    await expect(graphql(QUERY)).rejects.toBeInstanceOf(RetryableJobError);
    expect(await storedToken()).toBeFalsy();
    await expect(offlineAdmin(SHOP)).rejects.toBeInstanceOf(RetryableJobError);

    await authenticate.admin(adminRequest(SHOP, "/app"));
    const fresh = await storedToken();
    expect(sandbox.store.shop(SHOP).accessTokens.has(fresh ?? "")).toBe(true);
    const response = await (await offlineAdmin(SHOP))(QUERY);
    expect(response.status).toBe(200);
  });
});

describe("a token exchange that fails", () => {
  const refusal = (request: Request) =>
    authenticate.admin(request).then(
      () => null,
      (error: unknown) => error as Response,
    );

  it("for a shop that has the app is an outage: 503 with Retry-After, not a bad token", async () => {
    await installShop(null, SHOP);
    // Nothing usable stored, and Shopify's token endpoint does not answer for the shop.
    await prisma.session.deleteMany({ where: { shop: SHOP } });

    const response = await refusal(adminRequest(SHOP, "/app"));

    expect(response?.status).toBe(503);
    expect(response?.headers.get("Retry-After")).toBe("5");
  });

  it("for a shop without the app (or uninstalled) is a bad token: 401", async () => {
    const never = await refusal(adminRequest("never-installed.myshopify.com", "/app"));
    expect(never?.status).toBe(401);

    await installShop(null, SHOP);
    await prisma.session.deleteMany({ where: { shop: SHOP } });
    await prisma.shop.update({ where: { domain: SHOP }, data: { uninstalledAt: new Date() } });
    const gone = await refusal(adminRequest(SHOP, "/app"));
    expect(gone?.status).toBe(401);
    expect(gone?.headers.get("X-Shopify-Retry-Invalid-Session-Request")).toBe("1");
  });
});
