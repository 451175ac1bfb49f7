import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Liquid, filters } from "liquidjs";
import type { SandboxShop, SandboxStore } from "./store";
import { STOREFRONT_LAYOUT, PRODUCT_TEMPLATE, INDEX_TEMPLATE } from "./storefront-theme";

// The demo store's storefront: product pages rendered with liquidjs, with the app's theme app
// extension blocks and app embeds (extensions/*/blocks/*.liquid) and `app.metafields`, and
// /apps/fitting-room/* forwarded to the app's proxy routes with Shopify's signed query.

const root = path.resolve(import.meta.dirname, "../..");

export interface AppBlock {
  extension: string;
  name: string;
  target: string;
  source: string;
  settings: Record<string, unknown>;
}

/** The theme app extension blocks in extensions/, with their schema defaults as settings. */
export function appBlocks(): AppBlock[] {
  const dir = path.join(root, "extensions");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((ext) => {
    const blocks = path.join(dir, ext.name, "blocks");
    if (!ext.isDirectory() || !fs.existsSync(blocks)) return [];
    return fs
      .readdirSync(blocks)
      .filter((f) => f.endsWith(".liquid"))
      .map((file) => {
        const text = fs.readFileSync(path.join(blocks, file), "utf8");
        const schemaText =
          /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/.exec(text)?.[1] ?? "{}";
        const schema = JSON.parse(schemaText) as {
          target?: string;
          settings?: { id: string; default?: unknown }[];
        };
        return {
          extension: ext.name,
          name: file.replace(/\.liquid$/, ""),
          target: schema.target ?? "section",
          source: text.replace(/{%-?\s*schema\s*-?%}[\s\S]*?{%-?\s*endschema\s*-?%}/, ""),
          settings: Object.fromEntries(
            (schema.settings ?? []).map((s) => [s.id, s.default ?? null]),
          ),
        };
      });
  });
}

function appMetafields(shop: SandboxShop): Record<string, Record<string, unknown>> {
  return ownerMetafields(shop, shop.appInstallationId);
}

/** An owner's metafields as Liquid reads them: namespace → key → value (JSON parsed). */
function ownerMetafields(
  shop: SandboxShop,
  ownerId: string,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const m of shop.metafields.values()) {
    if (m.ownerId !== ownerId) continue;
    out[m.namespace] ??= {};
    out[m.namespace]![m.key] = m.type === "json" ? JSON.parse(m.value) : m.value;
  }
  return out;
}

/** Every extension's en.default.json, merged: what the `t` filter reads. */
function extensionTranslations(): Record<string, unknown> {
  const dir = path.join(root, "extensions");
  if (!fs.existsSync(dir)) return {};
  const merged: Record<string, unknown> = {};
  // Theme app extensions only: a customer-account extension's keys are not Liquid's.
  for (const ext of fs.readdirSync(dir)) {
    if (!fs.existsSync(path.join(dir, ext, "blocks"))) continue;
    const file = path.join(dir, ext, "locales", "en.default.json");
    if (fs.existsSync(file)) Object.assign(merged, JSON.parse(fs.readFileSync(file, "utf8")));
  }
  return merged;
}

const liquid = new Liquid({ strictFilters: false, strictVariables: false });
liquid.registerFilter("money", (cents: number) => `$${(Number(cents) / 100).toFixed(2)}`);
liquid.registerFilter(
  "money_without_trailing_zeros",
  (cents: number) => `$${(Number(cents) / 100).toFixed(2).replace(/\.00$/, "")}`,
);
liquid.registerFilter("t", (key: string, ...args: unknown[]) => {
  const text = String(key)
    .split(".")
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      extensionTranslations(),
    );
  if (typeof text !== "string") return `translation missing: en.${key}`;
  // liquidjs passes keyword arguments as [name, value] pairs.
  const vars = Object.fromEntries(args.filter(Array.isArray) as [string, unknown][]);
  return text.replace(/{{\s*(\w+)\s*}}/g, (_m, name: string) => String(vars[name] ?? ""));
});
liquid.registerFilter("asset_url", (file: string) => `/extension-assets/${file}`);
liquid.registerFilter("json", (value: unknown) => JSON.stringify(value));
// 'now' is the sandbox's clock (which tests move), not the machine's.
liquid.registerFilter(
  "date",
  function (this: { context: { environments: unknown } }, value, ...args) {
    const env = this.context.environments as { __now?: string };
    const input = value === "now" || value === "today" ? new Date(env.__now ?? Date.now()) : value;
    return (filters.date as (this: unknown, ...a: unknown[]) => unknown).call(this, input, ...args);
  },
);

/** The countries the demo store's markets sell to: one the reference policy does not ship to. */
export const STOREFRONT_COUNTRIES: Record<string, string> = {
  US: "United States",
  CA: "Canada",
  GB: "United Kingdom",
  FR: "France",
  AU: "Australia",
  DE: "Germany",
};

export async function renderStorefront(
  store: SandboxStore,
  shop: SandboxShop,
  pathname: string,
  customerId: string | null,
  countryOverride: string | null = null,
  cart: { attributes: Record<string, string>; discount_codes: { code: string }[] } = {
    attributes: {},
    discount_codes: [],
  },
): Promise<{ status: number; html: string }> {
  const customer = shop.customers.find((c) => c.legacyId === customerId) ?? null;
  // The market the shopper browses in: the signed-in customer's country unless they switch.
  const country = countryOverride ?? customer?.country ?? "US";
  const blocks = appBlocks();
  const app = { metafields: appMetafields(shop) };
  const shopDrop = {
    name: shop.name,
    domain: shop.domain,
    currency: shop.currencyCode,
    email: `hello@${shop.domain.replace(".myshopify.com", "")}.example`,
  };
  const localization = {
    country: { iso_code: country, name: STOREFRONT_COUNTRIES[country] ?? country },
    available_countries: Object.entries(STOREFRONT_COUNTRIES).map(([iso_code, name]) => ({
      iso_code,
      name,
    })),
  };
  const customerDrop = customer && {
    id: customer.legacyId,
    email: customer.email,
    first_name: customer.firstName,
    metafields: ownerMetafields(shop, customer.id),
  };
  let content: string;
  const match = /^\/store\/products\/([\w-]+)$/.exec(pathname);
  if (match) {
    const product = shop.products.find((p) => p.handle === match[1]);
    if (!product) return { status: 404, html: "<h1>Product not found</h1>" };
    const groups = shop.sellingPlanGroups.filter((g) => g.productIds.includes(product.id));
    const productDrop = {
      selling_plan_groups: groups.map((g) => ({
        id: g.id.split("/").pop(),
        name: g.name,
        app_id: g.appId,
        selling_plans: g.plans.map((p) => ({ id: p.id.split("/").pop(), name: p.name })),
      })),
      id: product.legacyId,
      gid: product.id,
      handle: product.handle,
      url: `/store/products/${product.handle}`,
      title: product.title,
      description: product.description,
      tags: product.tags,
      type: product.productType,
      price: product.variants[0]?.price ?? 0,
      variants: product.variants.map((v) => ({
        id: v.legacyId,
        gid: v.id,
        title: v.title,
        option1: v.size,
        option2: v.width,
        price: v.price,
        available: v.inventoryQuantity > 0,
        inventory_quantity: v.inventoryQuantity,
      })),
    };
    const rendered: string[] = [];
    for (const block of blocks.filter((b) => b.target === "section")) {
      const html = await liquid.parseAndRender(block.source, {
        app,
        shop: shopDrop,
        customer: customerDrop,
        product: productDrop,
        cart,
        block: {
          settings: block.settings,
          id: `${block.extension}-${block.name}`,
          shopify_attributes: `data-shopify-editor-block="${block.extension}-${block.name}"`,
        },
        localization,
        request: { path: pathname, locale: { iso_code: "en" } },
        routes: { root_url: "/store" },
        __now: store.now(),
      });
      rendered.push(
        `<div class="shopify-app-block" data-block="${block.extension}/${block.name}">${html}</div>`,
      );
    }
    content = await liquid.parseAndRender(PRODUCT_TEMPLATE, {
      product: productDrop,
      app_blocks: rendered.join("\n"),
    });
  } else if (pathname === "/store" || pathname === "/store/") {
    content = await liquid.parseAndRender(INDEX_TEMPLATE, {
      // Unlisted products (fees) are not in collections.
      products: shop.products
        .filter((p) => p.productType !== "Fee")
        .map((p) => ({
          handle: p.handle,
          title: p.title,
          price: p.variants[0]?.price ?? 0,
        })),
    });
  } else {
    return { status: 404, html: "<h1>Not found</h1>" };
  }
  const embeds: string[] = [];
  for (const block of blocks.filter((b) => b.target === "head" || b.target === "body")) {
    embeds.push(
      await liquid.parseAndRender(block.source, {
        app,
        shop: shopDrop,
        customer: customerDrop,
        cart,
        block: { settings: block.settings },
      }),
    );
  }
  const html = await liquid.parseAndRender(STOREFRONT_LAYOUT, {
    shop: shopDrop,
    customer: customerDrop,
    content_for_layout: content,
    app_embeds: embeds.join("\n"),
  });
  return { status: 200, html };
}

/** Shopify's app-proxy signature: sorted key=value pairs, joined with nothing, HMAC-SHA256 hex. */
export function signProxyQuery(params: Record<string, string | string[]>, secret: string): string {
  const message = Object.keys(params)
    .sort()
    .map((k) => `${k}=${Array.isArray(params[k]) ? (params[k] as string[]).join(",") : params[k]}`)
    .join("");
  return crypto.createHmac("sha256", secret).update(message).digest("hex");
}

export async function forwardAppProxy(
  request: Request,
  options: {
    shop: string;
    appUrl: string;
    apiSecret: string;
    customerId: string | null;
    nowMs: number;
  },
): Promise<Response> {
  const url = new URL(request.url);
  const subpath = url.pathname.replace(/^\/apps\/fitting-room/, "") || "/";
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    params[key] = all.length > 1 ? all : (all[0] as string);
  }
  Object.assign(params, {
    shop: options.shop,
    logged_in_customer_id: options.customerId ?? "",
    path_prefix: "/apps/fitting-room",
    timestamp: String(Math.floor(options.nowMs / 1000)),
  });
  const target = new URL(`${options.appUrl}/proxy${subpath === "/" ? "" : subpath}`);
  for (const [k, v] of Object.entries(params))
    for (const value of Array.isArray(v) ? v : [v]) target.searchParams.append(k, value);
  target.searchParams.set("signature", signProxyQuery(params, options.apiSecret));
  const body =
    request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  const headers = new Headers();
  for (const name of ["content-type", "accept", "user-agent"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const response = await fetch(target, {
    method: request.method,
    body,
    headers,
    redirect: "manual",
  });
  const out = new Headers(response.headers);
  out.delete("content-encoding");
  out.delete("content-length");
  // The app redirects to storefront paths (/discount/<code>, /?ref=…) from Shopify's root; the
  // sandbox's storefront lives under /store.
  const location = out.get("location");
  if (location?.startsWith("/") && !/^\/(store|apps)(\/|$|\?)/.test(location))
    out.set("location", `/store${location}`);
  return new Response(await response.arrayBuffer(), { status: response.status, headers: out });
}
