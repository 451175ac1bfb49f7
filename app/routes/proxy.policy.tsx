import { authenticateProxy } from "~/storefront/proxy-shopper.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { getCurrentPolicy } from "~/services/policy.server";
import { storefrontPolicy } from "~/domain/policy/storefront";

// GET /apps/fitting-room/policy on the storefront (app proxy): the storefront part of the
// policy for scripts that cannot read app metafields. Shopify signs the query; unsigned → 400.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateProxy(request);
  const shop = session?.shop ?? new URL(request.url).searchParams.get("shop");
  if (!shop) return json({ error: "shop: unknown shop" }, { status: 400 });
  const { version, document } = await getCurrentPolicy(shop);
  return json(storefrontPolicy(document, version), {
    headers: { "Cache-Control": "public, max-age=60" },
  });
};
