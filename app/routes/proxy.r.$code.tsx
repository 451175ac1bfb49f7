import { authenticateProxy } from "~/storefront/proxy-shopper.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { referralLinkTarget } from "~/features/referrals/index.server";

// GET /apps/fitting-room/r/<code> on the storefront (app proxy): a referrer's link. Shopify signs
// the query (unsigned → 400); the visitor is sent on to the store with the code applied. No
// JavaScript needed.
const codeSchema = z.string().trim().min(1).max(40);

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticateProxy(request);
  const shop = session?.shop ?? new URL(request.url).searchParams.get("shop");
  const code = codeSchema.safeParse(params.code);
  if (!shop || !code.success) return redirect("/");
  const target = await referralLinkTarget(shop, code.data);
  return redirect(target.location, { headers: { "Cache-Control": "no-store" } });
};
