import crypto from "node:crypto";
import type { SandboxStore } from "./store";

// Shopify's side of embedded-app auth: session tokens (HS256 JWTs signed with the app secret,
// as App Bridge issues them) and token exchange (POST /admin/oauth/access_token).

export interface AppCredentials {
  apiKey: string;
  apiSecret: string;
  scopes: string;
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export function mintSessionToken(
  shop: string,
  credentials: AppCredentials,
  nowMs: number,
  userId = "1",
  ttlSeconds = 60,
): string {
  const now = Math.floor(nowMs / 1000);
  const header = b64(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = b64(
    JSON.stringify({
      iss: `https://${shop}/admin`,
      dest: `https://${shop}`,
      aud: credentials.apiKey,
      sub: userId,
      exp: now + ttlSeconds,
      nbf: now - 1,
      iat: now - 1,
      jti: crypto.randomUUID(),
      sid: crypto.randomUUID(),
    }),
  );
  const signature = crypto
    .createHmac("sha256", credentials.apiSecret)
    .update(`${header}.${payload}`)
    .digest("base64url");
  return `${header}.${payload}.${signature}`;
}

export function verifySessionToken(
  token: string,
  credentials: AppCredentials,
): { dest: string } | null {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return null;
  const expected = crypto
    .createHmac("sha256", credentials.apiSecret)
    .update(`${header}.${payload}`)
    .digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as {
    dest: string;
    exp: number;
    aud: string;
  };
  if (claims.aud !== credentials.apiKey || claims.exp * 1000 < Date.now() - 5000) return null;
  return claims;
}

/** Token exchange: a valid session token for the shop buys an offline access token. */
export function exchangeToken(
  store: SandboxStore,
  shopDomain: string,
  body: Record<string, unknown>,
  credentials: AppCredentials,
) {
  if (body.client_id !== credentials.apiKey || body.client_secret !== credentials.apiSecret) {
    return {
      status: 401,
      body: { error: "invalid_client", error_description: "Client credentials are invalid" },
    };
  }
  const claims =
    typeof body.subject_token === "string"
      ? verifySessionToken(body.subject_token, credentials)
      : null;
  if (!claims || claims.dest !== `https://${shopDomain}`) {
    return {
      status: 400,
      body: {
        error: "invalid_subject_token",
        error_description: "Session token is invalid for this shop",
      },
    };
  }
  const shop = store.shop(shopDomain);
  const accessToken = `shpat_sandbox_${crypto.randomBytes(12).toString("hex")}`;
  shop.accessTokens.add(accessToken);
  return { status: 200, body: { access_token: accessToken, scope: credentials.scopes } };
}
