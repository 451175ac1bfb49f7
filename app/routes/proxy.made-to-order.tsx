import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { refreshClock } from "~/platform/clock.server";
import { productPageEstimate } from "~/features/made-to-order/index.server";
import { authenticateProxy, customerGidFromProxy } from "~/storefront/proxy-shopper.server";

// /apps/fitting-room/made-to-order?variant_title=…&country=… : the product page block's estimate.
// Signed by Shopify like every proxy request; the logged-in customer (if any) decides whether the
// fitting step is needed, exactly as order intake will.

const querySchema = z.object({
  variant_title: z.string().trim().min(1, "variant_title is required").max(200),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "country must be a two-letter code")
    .nullable(),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticateProxy(request);
  await refreshClock();
  const url = new URL(request.url);
  const shop = session?.shop ?? url.searchParams.get("shop");
  if (!shop) return json({ error: "unknown shop" }, { status: 400 });
  const parsed = querySchema.safeParse({
    variant_title: url.searchParams.get("variant_title"),
    country: url.searchParams.get("country") || null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json(
      { error: issue?.message ?? "invalid query", field: String(issue?.path[0] ?? "") },
      { status: 422 },
    );
  }
  const estimate = await productPageEstimate({
    shop,
    customerGid: customerGidFromProxy(url.searchParams),
    variantTitle: parsed.data.variant_title,
    country: parsed.data.country,
  });
  return json(estimate, { headers: { "Cache-Control": "no-store" } });
};
