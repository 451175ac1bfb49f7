import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "./db.server";
import { appConfig } from "~/platform/config.server";
import { recordInstall } from "~/platform/shops.server";
import { installSandboxRouting } from "~/platform/sandbox-routing.server";
import { logger } from "~/platform/logger.server";

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

// The library answers 500 when a correctly signed token names a shop whose token exchange
// fails (not installed, or uninstalled a moment ago), and it never compares `iss` with `dest`.
// Both are bad tokens: the same 401 that makes App Bridge fetch a fresh one.
function invalidSessionToken(): Response {
  return new Response(null, {
    status: 401,
    headers: { "X-Shopify-Retry-Invalid-Session-Request": "1" },
  });
}

function issuerMatchesDestination(request: Request): boolean {
  const token =
    request.headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1] ??
    new URL(request.url).searchParams.get("id_token");
  if (!token) return true;
  try {
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as {
      iss?: unknown;
      dest?: unknown;
    };
    if (typeof claims.iss !== "string" || typeof claims.dest !== "string") return true;
    return new URL(claims.iss).host === new URL(claims.dest).host;
  } catch {
    // Not a JWT at all: the library refuses it with its own 401.
    return true;
  }
}

async function authenticateAdmin(request: Request) {
  if (!issuerMatchesDestination(request)) throw invalidSessionToken();
  try {
    return await shopify.authenticate.admin(request);
  } catch (error) {
    if (error instanceof Response && error.status >= 500) {
      logger.warn({ status: error.status }, "admin request refused: token exchange failed");
      throw invalidSessionToken();
    }
    throw error;
  }
}
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = { ...shopify.authenticate, admin: authenticateAdmin };
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
