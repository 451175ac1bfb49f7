import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { countrySwitchPage } from "~/storefront/country-switch";
import { proxyPage } from "~/storefront/html";
import { authenticateProxy } from "~/storefront/proxy-shopper.server";

// GET /apps/fitting-room/country (app proxy): the Delivery block's country switch, Shopify's
// localization form on a page outside the product form. Shopify signs the query; unsigned → 400.

const CODE = /^[A-Z]{2}$/;
const Query = z.object({
  // A path on this store only: never another site to send the shopper to.
  return_to: z
    .string()
    .max(500)
    .regex(/^\/(?!\/)\S*$/),
  countries: z
    .string()
    .max(1000)
    .transform((s) => s.split(",").filter((c) => CODE.test(c)))
    .refine((list) => list.length > 0),
  current: z.string().regex(CODE).optional(),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticateProxy(request);
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return proxyPage("Choose your country", "<p>This link is not complete.</p>", 400);
  const { return_to: returnTo, countries, current } = parsed.data;
  return countrySwitchPage({ returnTo, countries, current: current ?? null });
};
