import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { SIZES, WIDTHS, sizeAndWidth } from "~/domain/fit-profile";
import { refreshClock } from "~/platform/clock.server";
import {
  FIT_FINDER_LIMIT,
  finderProduct,
  recommendForShopper,
  yourSize,
} from "~/services/fit-finder.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { unauthenticated } from "~/shopify.server";
import { explain, finderAnswer, finderForm, FOOT_NOTES } from "~/storefront/fit-finder-page";
import { escapeHtml, proxyPage } from "~/storefront/html";
import { pickLocale, translator, type MessageKey } from "~/storefront/i18n";
import { allowTry } from "~/platform/rate-limit.server";
import {
  authenticateProxy,
  clientIp,
  customerGidFromProxy,
} from "~/storefront/proxy-shopper.server";
import { widthCode } from "~/domain/fit-recommend";

// /apps/fitting-room/fit-finder: "Find your size". GET shows the questions (and the signed-in
// shopper's confirmed size); POST answers with a size and width for the product, why, and a cart
// form carrying the answer's id as a line property. HTML without JavaScript; JSON for the block.

const pathOnly = z
  .string()
  .max(300)
  .refine((p) => p === "" || (p.startsWith("/") && !p.startsWith("//")), "a path on this store");

const pageSchema = z.object({
  product_id: z.string().regex(/^\d{1,20}$/, "product_id: a product id"),
  product_url: pathOnly.default(""),
  root: pathOnly.default("/"),
});

const answersSchema = z.object({
  usual_size: z.enum(SIZES as [string, ...string[]], {
    errorMap: () => ({ message: "usualSize" }),
  }),
  usual_width: z.enum(WIDTHS, { errorMap: () => ({ message: "usualWidth" }) }),
  between: z.boolean(),
  notes: z
    .array(z.enum(FOOT_NOTES as [string, ...string[]], { errorMap: () => ({ message: "notes" }) }))
    .max(3, "notes"),
  brands: z.string().trim().max(200, "brands"),
});

const wantsJson = (request: Request) =>
  (request.headers.get("accept") ?? "").includes("application/json");

async function context(request: Request, fields: URLSearchParams) {
  const { session } = await authenticateProxy(request);
  await refreshClock();
  const url = new URL(request.url);
  const shop = session?.shop ?? url.searchParams.get("shop") ?? "";
  const lang = pickLocale(request, fields.get("locale"));
  const t = translator(lang);
  const page = pageSchema.safeParse({
    product_id: fields.get("product_id") ?? url.searchParams.get("product_id"),
    product_url: fields.get("product_url") ?? url.searchParams.get("product_url") ?? "",
    root: fields.get("root") ?? url.searchParams.get("root") ?? "/",
  });
  const customerGid = customerGidFromProxy(url.searchParams);
  return { shop, lang, t, page, customerGid, json: wantsJson(request) };
}

type Context = Awaited<ReturnType<typeof context>>;

function refuse(c: Context, status: number, field: string, message: string) {
  if (c.json) return json({ error: message, field }, { status });
  return proxyPage(
    c.t("fit.title"),
    `<p class="fr-error" role="alert">${escapeHtml(message)}</p>`,
    status,
    c.lang,
  );
}

async function productFor(shop: string, productId: string) {
  const { admin } = await unauthenticated.admin(shop);
  return finderProduct(admin.graphql, `gid://shopify/Product/${productId}`);
}

async function open(c: Context) {
  if (!c.shop) return { ok: false as const, error: refuse(c, 400, "shop", "Unknown shop.") };
  if (!c.page.success)
    return { ok: false as const, error: refuse(c, 422, "product_id", c.t("fit.error.product")) };
  const policy = await getCurrentPolicy(c.shop);
  if (!policy.document.fit.finderEnabled)
    return { ok: false as const, error: refuse(c, 404, "fit", c.t("fit.off")) };
  const product = await productFor(c.shop, c.page.data.product_id);
  if (!product)
    return { ok: false as const, error: refuse(c, 404, "product_id", c.t("fit.error.product")) };
  const pageContext = {
    t: c.t,
    lang: c.lang,
    product: {
      id: c.page.data.product_id,
      title: product.title,
      url: c.page.data.product_url || null,
    },
    root: c.page.data.root.endsWith("/") ? c.page.data.root : `${c.page.data.root}/`,
  };
  return { ok: true as const, product, pageContext };
}

export const loader = async ({ request }: LoaderFunctionArgs): Promise<Response> => {
  const c = await context(request, new URLSearchParams());
  const opened = await open(c);
  if (!opened.ok) return opened.error;
  const mine = await yourSize(c.shop, c.customerGid);
  const size = mine && { size: mine.size, width: mine.width };
  if (c.json) return json({ yourSize: size }, { headers: { "Cache-Control": "no-store" } });
  return finderForm(opened.pageContext, size);
};

async function fields(request: Request): Promise<URLSearchParams> {
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(body))
      for (const item of Array.isArray(v) ? v : [v]) out.append(k, String(item));
    return out;
  }
  const form = await request.formData().catch(() => new FormData());
  const out = new URLSearchParams();
  for (const [k, v] of form.entries()) if (typeof v === "string") out.append(k, v);
  return out;
}

export const action = async ({ request }: ActionFunctionArgs): Promise<Response> => {
  const body = await fields(request);
  const c = await context(request, body);
  // Every answer is an Admin API read and a row: one address may not send them by the thousand.
  if (!(await allowTry(c.shop, `fit-finder|${clientIp(request)}`, FIT_FINDER_LIMIT))) {
    const message = c.t("find.rateLimited");
    if (c.json) return json({ error: message, field: "rate" }, { status: 429 });
    return proxyPage(c.t("fit.title"), `<p>${escapeHtml(message)}</p>`, 429, c.lang);
  }
  const opened = await open(c);
  if (!opened.ok) return opened.error;
  const parsed = answersSchema.safeParse({
    usual_size: body.get("usual_size"),
    usual_width: body.get("usual_width"),
    between: ["1", "true", "on"].includes(body.get("between") ?? ""),
    notes: body.getAll("notes"),
    brands: body.get("brands") ?? "",
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.message ?? "usualSize";
    const message = c.t(`fit.error.${field}` as MessageKey);
    if (c.json) return json({ error: message, field }, { status: 422 });
    return finderForm(opened.pageContext, null, message, 422);
  }
  const { product } = opened;
  const { answerId, recommendation } = await recommendForShopper({
    shop: c.shop,
    customerGid: c.customerGid,
    product: {
      productGid: product.id,
      productTitle: product.title,
      productType: product.productType,
    },
    answers: {
      usualSize: parsed.data.usual_size,
      usualWidth: parsed.data.usual_width,
      between: parsed.data.between,
      notes: parsed.data.notes as ("wide_forefoot" | "narrow_heel" | "high_instep")[],
      brands: parsed.data.brands,
    },
  });
  const match = product.variants.nodes.find((v) => {
    const f = sizeAndWidth(v.title);
    return f.size === recommendation.size && f.width === recommendation.width;
  });
  const variant = match && {
    id: match.id.split("/").pop() as string,
    available: match.availableForSale,
  };
  const usual = `${parsed.data.usual_size} ${widthCode(parsed.data.usual_width)}`;
  const sentences = explain(c.t, recommendation, product.title, usual, product.productType);
  const answer = {
    answerId,
    size: recommendation.size,
    width: recommendation.width,
    basis: recommendation.basis,
    confidence: recommendation.confidence,
    headline: c.t("fit.recommended", { size: recommendation.size, width: recommendation.width }),
    confidenceText: c.t(`fit.confidence.${recommendation.confidence}`),
    sentences,
    variant: variant ?? null,
  };
  if (c.json) return json(answer, { headers: { "Cache-Control": "no-store" } });
  return finderAnswer(opened.pageContext, answer);
};
