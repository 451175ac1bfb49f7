import "@shopify/shopify-app-remix/adapters/node";
import { HttpResponseError } from "@shopify/shopify-api";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "./db.server";
import { appConfig } from "~/platform/config.server";
import { recordInstall } from "~/platform/shops.server";
import { installSandboxRouting } from "~/platform/sandbox-routing.server";
import { logger } from "~/platform/logger.server";
import { RetryableJobError } from "~/platform/jobs/errors.server";
import type { AdminGraphql } from "~/platform/admin/client.server";

installSandboxRouting();

export const API_VERSION = ApiVersion.October26;

const shopify = shopifyApp({
  apiKey: appConfig.apiKey,
  apiSecretKey: appConfig.apiSecret,
  apiVersion: API_VERSION,
  scopes: appConfig.scopes,
  appUrl: appConfig.appUrl,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(prisma),
  distribution: AppDistribution.AppStore,
  future: { unstable_newEmbeddedAuthStrategy: true },
  hooks: {
    afterAuth: async ({ session }) => {
      await recordInstall(session.shop, session.scope ?? "");
    },
  },
  ...(appConfig.customShopDomains.length > 0
    ? { customShopDomains: appConfig.customShopDomains }
    : {}),
});

export default shopify;

// The library answers 500 whenever a token exchange fails, and it never compares `iss` with
// `dest`. A token for a shop without the app (never installed, or uninstalled a moment ago) or
// naming another shop is a bad token: the same 401 that makes App Bridge fetch a fresh one. A
// failed exchange for a shop that has the app is Shopify not answering: a 503 to retry, not a
// refusal that sends the merchant round the login loop.
function invalidSessionToken(): Response {
  return new Response(null, {
    status: 401,
    headers: { "X-Shopify-Retry-Invalid-Session-Request": "1" },
  });
}

function tokenClaims(request: Request): { iss?: unknown; dest?: unknown } | null {
  const token =
    request.headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1] ??
    new URL(request.url).searchParams.get("id_token");
  if (!token) return null;
  try {
    return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as {
      iss?: unknown;
      dest?: unknown;
    };
  } catch {
    // Not a JWT at all: the library refuses it with its own 401.
    return null;
  }
}

function issuerMatchesDestination(request: Request): boolean {
  const claims = tokenClaims(request);
  if (typeof claims?.iss !== "string" || typeof claims.dest !== "string") return true;
  try {
    return new URL(claims.iss).host === new URL(claims.dest).host;
  } catch {
    return true;
  }
}

async function destinationHasTheApp(request: Request): Promise<boolean> {
  const dest = tokenClaims(request)?.dest;
  if (typeof dest !== "string") return false;
  let domain: string;
  try {
    domain = new URL(dest).host;
  } catch {
    return false;
  }
  const shop = await prisma.shop.findUnique({ where: { domain } });
  return shop !== null && shop.uninstalledAt === null;
}

async function authenticateOnce(request: Request) {
  if (!issuerMatchesDestination(request)) throw invalidSessionToken();
  try {
    return await shopify.authenticate.admin(request);
  } catch (error) {
    if (!(error instanceof Response && error.status >= 500)) throw error;
    if (await destinationHasTheApp(request)) {
      logger.error({ status: error.status }, "admin request failed: token exchange unavailable");
      throw new Response("Shopify did not answer; try again shortly.", {
        status: 503,
        headers: { "Retry-After": "5" },
      });
    }
    logger.warn({ status: error.status }, "admin request refused: token exchange failed");
    throw invalidSessionToken();
  }
}

// A stored offline token Shopify no longer accepts (the app was reinstalled, the sandbox was
// reset) answers 401; the library then blanks the stored token. The request still carries a
// valid session token, so one new exchange is made and the call repeated once: a second 401
// is Shopify's answer and goes back to App Bridge, never another exchange.
async function authenticateAdmin(request: Request) {
  const context = await authenticateOnce(request);
  const first = context.admin.graphql;
  const graphql = (async (...args: Parameters<AdminGraphql>) => {
    try {
      return await first(...args);
    } catch (error) {
      if (!(error instanceof Response && error.status === 401)) throw error;
      logger.warn(
        { shop: context.session.shop },
        "offline access token refused by the Admin API: exchanging a new one",
      );
      const fresh = await authenticateOnce(request);
      return fresh.admin.graphql(...args);
    }
  }) as AdminGraphql;
  return { ...context, admin: { ...context.admin, graphql } };
}

/**
 * The Admin API for work no one is waiting on (jobs, webhooks). There is no session token to
 * exchange here: a refused offline token is blanked, so the next time the app is opened the
 * library exchanges a new one, and the work is retried later instead of failing for good.
 */
export async function offlineAdmin(shop: string): Promise<AdminGraphql> {
  const { admin, session } = await shopify.unauthenticated.admin(shop);
  if (!session.accessToken)
    throw new RetryableJobError(`${shop}: no usable offline token until the app is opened`);
  return (async (...args: Parameters<AdminGraphql>) => {
    try {
      return await admin.graphql(...args);
    } catch (error) {
      if (!(error instanceof HttpResponseError && error.response.code === 401)) throw error;
      logger.warn(
        { shop },
        "offline access token refused by the Admin API: blanked until reopened",
      );
      session.accessToken = undefined;
      await shopify.sessionStorage.storeSession(session);
      throw new RetryableJobError(`${shop}: offline access token refused (401)`);
    }
  }) as AdminGraphql;
}
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = { ...shopify.authenticate, admin: authenticateAdmin };
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
