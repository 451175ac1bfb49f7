import crypto from "node:crypto";
import prisma from "~/db.server";
import type { SandboxStore } from "../sandbox/store";

export const TEST_SECRET = () => process.env.SHOPIFY_API_SECRET as string;
export const TEST_API_KEY = () => process.env.SHOPIFY_API_KEY as string;

/** A shop with the app installed: an offline session whose token the sandbox accepts. */
export async function installShop(
  store: SandboxStore | null,
  shop = "demo-shoes.myshopify.com",
  options: { plus?: boolean } = {},
) {
  const accessToken = `shpat_sandbox_${crypto.randomBytes(8).toString("hex")}`;
  if (store) {
    const sandboxShop = store.shops.get(shop) ?? store.addShop(shop, { plus: options.plus });
    sandboxShop.accessTokens.add(accessToken);
  }
  // Installing twice (a test's own setup after a shared one) keeps one session, the newest token.
  await prisma.session.upsert({
    where: { id: `offline_${shop}` },
    create: {
      id: `offline_${shop}`,
      shop,
      state: "installed",
      isOnline: false,
      scope: "write_products",
      accessToken,
    },
    update: { accessToken },
  });
  await prisma.shop.upsert({ where: { domain: shop }, create: { domain: shop }, update: {} });
  return { shop, accessToken };
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

/** A session token as Shopify's App Bridge issues it (HS256 with the app secret). */
export function sessionToken(
  shop: string,
  userId = "4242",
  secret = TEST_SECRET(),
  ttlSeconds = 60,
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      iss: `https://${shop}/admin`,
      dest: `https://${shop}`,
      aud: TEST_API_KEY(),
      sub: userId,
      exp: now + ttlSeconds,
      nbf: now - 5,
      iat: now - 5,
      jti: crypto.randomUUID(),
      sid: crypto.randomUUID(),
    }),
  );
  const signature = crypto
    .createHmac("sha256", secret)
    .update(`${header}.${payload}`)
    .digest("base64url");
  return `${header}.${payload}.${signature}`;
}

export function adminRequest(shop: string, path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${sessionToken(shop)}`);
  headers.set(
    "User-Agent",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126 Safari/537.36",
  );
  const url = new URL(`https://fitting-room.test${path}`);
  url.searchParams.set("shop", shop);
  url.searchParams.set("embedded", "1");
  return new Request(url, { ...init, headers });
}

export interface WebhookOptions {
  shop?: string;
  webhookId?: string;
  secret?: string;
  apiVersion?: string;
  triggeredAt?: string;
  hmac?: string | null;
  topicHeader?: string;
}

export function webhookRequest(
  topic: string,
  body: string | object,
  options: WebhookOptions = {},
): Request {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const headers = new Headers({ "Content-Type": "application/json" });
  const hmac =
    options.hmac === undefined
      ? crypto
          .createHmac("sha256", options.secret ?? TEST_SECRET())
          .update(raw, "utf8")
          .digest("base64")
      : options.hmac;
  if (hmac !== null) headers.set("X-Shopify-Hmac-Sha256", hmac);
  headers.set("X-Shopify-Topic", options.topicHeader ?? topic);
  headers.set("X-Shopify-Shop-Domain", options.shop ?? "demo-shoes.myshopify.com");
  headers.set("X-Shopify-Webhook-Id", options.webhookId ?? crypto.randomUUID());
  headers.set("X-Shopify-API-Version", options.apiVersion ?? "2026-10");
  headers.set("X-Shopify-Triggered-At", options.triggeredAt ?? new Date().toISOString());
  headers.set("X-Shopify-Event-Id", crypto.randomUUID());
  return new Request(`https://fitting-room.test/webhooks/${topic}`, {
    method: "POST",
    headers,
    body: raw,
  });
}
