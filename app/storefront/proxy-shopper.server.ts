import { refreshClock } from "~/platform/clock.server";
import { readForm } from "~/platform/form-errors.server";
import { appConfig } from "~/platform/config.server";
import { authenticate } from "~/shopify.server";
import { proxyPage } from "./html";

// Who is asking, on a storefront page behind the app proxy: Shopify signs the query (checked by
// authenticate.public.appProxy, 400 when it does not verify) and names the logged-in customer.
// Pages about a shopper's own orders answer a sign-in page to anyone else.

// Shopify signs a repeated parameter as its values joined by commas, while a page reading
// searchParams.get takes the first: "logged_in_customer_id=1&logged_in_customer_id=2" would
// verify and then act as customer 1. Whoever sent it, a request naming its shop or shopper
// more than once is refused before anything reads it.
const IDENTITY_PARAMS = ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"];

/** authenticate.public.appProxy, refusing first any identity parameter given more than once. */
export async function authenticateProxy(request: Request) {
  const params = new URL(request.url).searchParams;
  const repeated = IDENTITY_PARAMS.find((name) => params.getAll(name).length > 1);
  if (repeated)
    throw proxyPage("Error", `<p>Bad request: ${repeated} is given more than once.</p>`, 400);
  return authenticate.public.appProxy(request);
}

/** The signed-in shopper, only when named exactly once and as a Shopify customer id. */
export function customerGidFromProxy(params: URLSearchParams): string | null {
  const ids = params.getAll("logged_in_customer_id");
  const id = ids.length === 1 ? ids[0] : null;
  return id && /^\d+$/.test(id) ? `gid://shopify/Customer/${id}` : null;
}

export type ProxyShopper =
  { ok: true; shop: string; customerGid: string } | { ok: false; response: Response };

export async function proxyShopper(request: Request, pageTitle: string): Promise<ProxyShopper> {
  const { session } = await authenticateProxy(request);
  // Dates on these pages (a trial's last day, a made-to-order ship date) read the shared clock.
  await refreshClock();
  const url = new URL(request.url);
  const shop = session?.shop ?? url.searchParams.get("shop");
  if (!shop) return { ok: false, response: proxyPage("Error", "<p>Unknown shop.</p>", 400) };
  const customerGid = customerGidFromProxy(url.searchParams);
  if (!customerGid)
    return {
      ok: false,
      response: proxyPage(
        pageTitle,
        `<h1>${pageTitle}</h1><p>Please <a href="/account/login">sign in</a> with the account you ordered with.</p>`,
        401,
      ),
    };
  return { ok: true, shop, customerGid };
}

/** The form a storefront page posted; a JSON or broken body is a 400/415 page, not a 500. */
export function readProxyForm(request: Request): Promise<FormData> {
  return readForm(request, (status, message) =>
    proxyPage("Error", `<p>Bad request: ${message}</p>`, status),
  );
}

/**
 * The shopper's address for per-IP limits. Any client can write X-Forwarded-For, so only the
 * hops added by proxies we run behind count: the server appends the socket's peer
 * (scripts/serve.mjs), and TRUSTED_PROXY_HOPS proxies in front of it each appended one more.
 * The address the outermost trusted proxy saw is the one a client cannot choose.
 */
export function clientIp(request: Request, trustedHops = appConfig.trustedProxyHops): string {
  const hops = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return "unknown";
  // Fewer hops than trusted proxies: the chain is not the one we run behind; the first hop
  // there is still one a trusted proxy wrote (nothing in front of it to forge it).
  return hops[Math.max(0, hops.length - 1 - trustedHops)]!;
}
