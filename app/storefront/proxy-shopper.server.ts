import { refreshClock } from "~/platform/clock.server";
import { authenticate } from "~/shopify.server";
import { proxyPage } from "./html";

// Who is asking, on a storefront page behind the app proxy: Shopify signs the query (checked by
// authenticate.public.appProxy, 400 when it does not verify) and names the logged-in customer.
// Pages about a shopper's own orders answer a sign-in page to anyone else.

export function customerGidFromProxy(loggedInCustomerId: string | null): string | null {
  return loggedInCustomerId && /^\d+$/.test(loggedInCustomerId)
    ? `gid://shopify/Customer/${loggedInCustomerId}`
    : null;
}

export type ProxyShopper =
  { ok: true; shop: string; customerGid: string } | { ok: false; response: Response };

export async function proxyShopper(request: Request, pageTitle: string): Promise<ProxyShopper> {
  const { session } = await authenticate.public.appProxy(request);
  // Dates on these pages (a trial's last day, a made-to-order ship date) read the shared clock.
  await refreshClock();
  const url = new URL(request.url);
  const shop = session?.shop ?? url.searchParams.get("shop");
  if (!shop) return { ok: false, response: proxyPage("Error", "<p>Unknown shop.</p>", 400) };
  const customerGid = customerGidFromProxy(url.searchParams.get("logged_in_customer_id"));
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
