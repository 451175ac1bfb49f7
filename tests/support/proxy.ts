import { signProxyQuery } from "../sandbox/storefront";
import { TEST_SECRET } from "./shopify";

/**
 * A storefront request as Shopify's app proxy forwards it: the query signed with the app's
 * secret (or a forged signature), naming the logged-in customer if any.
 */
export function proxyRequest(
  shop: string,
  path: string,
  customerLegacyId: string | null,
  init: RequestInit = {},
  options: { tamper?: boolean; query?: Record<string, string> } = {},
) {
  const params: Record<string, string> = {
    ...options.query,
    shop,
    logged_in_customer_id: customerLegacyId ?? "",
    path_prefix: "/apps/fitting-room",
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  const url = new URL(`https://fitting-room.test/proxy${path}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  url.searchParams.set(
    "signature",
    options.tamper ? "0".repeat(64) : signProxyQuery(params, TEST_SECRET()),
  );
  return new Request(url, init);
}
