import { z } from "zod";

// Every environment variable the app reads, validated once at start with the variable named.
const schema = z.object({
  SHOPIFY_API_KEY: z.string().min(1, "SHOPIFY_API_KEY is required"),
  SHOPIFY_API_SECRET: z.string().min(1, "SHOPIFY_API_SECRET is required"),
  SHOPIFY_APP_URL: z
    .string()
    .url("SHOPIFY_APP_URL must be a URL")
    .refine(
      (u) => u.startsWith("https://"),
      "SHOPIFY_APP_URL must be https:// (Shopify requires it)",
    ),
  SCOPES: z.string().optional(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  FITTING_ROOM_WORKER: z.enum(["inline", "off"]).default("inline"),
  // Days a settled webhook delivery keeps its payload (the privacy section of the README).
  WEBHOOK_PAYLOAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  // Proxies in front of the app that append to X-Forwarded-For (README: Deploy).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const env = parsed.data;
  return {
    apiKey: env.SHOPIFY_API_KEY,
    apiSecret: env.SHOPIFY_API_SECRET,
    appUrl: env.SHOPIFY_APP_URL,
    scopes: env.SCOPES?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    customShopDomains: env.SHOP_CUSTOM_DOMAIN ? [env.SHOP_CUSTOM_DOMAIN] : [],
    webhookPayloadRetentionDays: env.WEBHOOK_PAYLOAD_RETENTION_DAYS,
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  };
}

export const appConfig = load();
