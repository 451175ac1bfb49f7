import { runCheckoutValidations } from "./functions";
import type { Lifecycle } from "./lifecycle";
import { isDeferredPlan, planById } from "./plans";
import { SandboxError, type SandboxShop } from "./store";

// The demo store's cart and a one-page checkout. A line bought on a deferred purchase option
// (the trial) vaults the card, as Shopify's checkout does, so the order has a payment mandate; a
// pre-order (made-to-order) line is paid at checkout.

interface CartLine {
  variantId: string;
  sellingPlanId: string | null;
  quantity: number;
  /** Line item properties (properties[name]=value), onto the order line as Shopify does. */
  properties?: Record<string, string>;
}

/** properties[name]=value fields of a cart form, as Shopify reads them. */
function formProperties(form: FormData): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    const match = /^properties\[(.+)\]$/.exec(key);
    if (match?.[1] && typeof value === "string" && value !== "") out[match[1]] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

const COOKIE = "sandbox_cart";

export function readCart(request: Request): CartLine[] {
  const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]+)`).exec(
    request.headers.get("cookie") ?? "",
  );
  if (!match?.[1]) return [];
  try {
    return JSON.parse(Buffer.from(match[1], "base64url").toString()) as CartLine[];
  } catch {
    return [];
  }
}

const DISCOUNT_COOKIE = "sandbox_discount";
const ATTRIBUTES_COOKIE = "sandbox_cart_attributes";

function cookie(request: Request, name: string): string | null {
  const match = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(request.headers.get("cookie") ?? "");
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The cart's attributes (POST /cart/update attributes[key]=value), as Shopify keeps them. */
export function readCartAttributes(request: Request): { key: string; value: string }[] {
  const raw = cookie(request, ATTRIBUTES_COOKIE);
  if (!raw) return [];
  try {
    return JSON.parse(Buffer.from(raw, "base64url").toString()) as { key: string; value: string }[];
  } catch {
    return [];
  }
}

/** Shopify's /discount/<code>?redirect=/path: the code is kept for checkout, then the redirect. */
function discountLink(url: URL): Response | null {
  const match = /^\/store\/discount\/([^/]+)$/.exec(url.pathname);
  if (!match) return null;
  const target = url.searchParams.get("redirect") ?? "/store";
  const redirect = target.startsWith("/store")
    ? target
    : `/store${target.startsWith("/") ? "" : "/"}${target}`;
  return new Response(null, {
    status: 302,
    headers: {
      Location: redirect,
      "Set-Cookie": `${DISCOUNT_COOKIE}=${encodeURIComponent(decodeURIComponent(match[1]!))}; Path=/`,
    },
  });
}

/** The cart as Liquid's `cart` object shows it to blocks: attributes and the codes applied. */
export function cartDrop(request: Request) {
  const code = cookie(request, DISCOUNT_COOKIE);
  return {
    attributes: Object.fromEntries(readCartAttributes(request).map((a) => [a.key, a.value])),
    discount_codes: code ? [{ code, applicable: true }] : [],
  };
}

// An empty value removes the attribute, as on Shopify.
function mergeAttributes(request: Request, changes: [string, string][]) {
  const attributes = readCartAttributes(request);
  for (const [key, value] of changes) {
    const at = attributes.findIndex((a) => a.key === key);
    if (at >= 0) attributes.splice(at, 1);
    if (value !== "") attributes.push({ key, value });
  }
  const setCookie = `${ATTRIBUTES_COOKIE}=${Buffer.from(JSON.stringify(attributes)).toString("base64url")}; Path=/`;
  return { attributes, setCookie };
}

async function updateAttributes(request: Request): Promise<Response> {
  const form = await request.formData();
  const changes: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    const key = /^attributes\[(.+)\]$/.exec(name)?.[1];
    if (key) changes.push([key, String(value)]);
  }
  const { setCookie } = mergeAttributes(request, changes);
  return new Response(null, {
    status: 302,
    headers: { Location: String(form.get("return_to") ?? "/store/cart"), "Set-Cookie": setCookie },
  });
}

/** The Ajax API's POST /cart/update.js with `{ attributes: { key: value } }`. */
async function updateAttributesJs(request: Request): Promise<Response> {
  const body = (await request.json().catch(() => null)) as {
    attributes?: Record<string, unknown>;
  } | null;
  if (!body || typeof body.attributes !== "object" || body.attributes === null)
    return Response.json(
      { status: 422, description: "attributes: expected an object of names and values" },
      { status: 422 },
    );
  const changes = Object.entries(body.attributes).map(([k, v]) => [k, String(v ?? "")]);
  const { attributes, setCookie } = mergeAttributes(request, changes as [string, string][]);
  return Response.json(
    { attributes: Object.fromEntries(attributes.map((a) => [a.key, a.value])) },
    { headers: { "Set-Cookie": setCookie } },
  );
}

function cartCookie(lines: CartLine[]): string {
  return `${COOKIE}=${Buffer.from(JSON.stringify(lines)).toString("base64url")}; Path=/`;
}

function page(title: string, body: string): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:Georgia,serif;max-width:760px;margin:32px auto;color:#222}table{width:100%;border-collapse:collapse}td,th{padding:8px;border-bottom:1px solid #eee;text-align:left}button{background:#111;color:#fff;border:0;border-radius:24px;padding:10px 24px;font-size:15px}.error{color:#b00020}</style>
</head><body><p><a href="/store">← Continue shopping</a></p>${body}</body></html>`,
    { headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}

function variantOf(shop: SandboxShop, legacyId: string) {
  for (const product of shop.products)
    for (const variant of product.variants)
      if (variant.legacyId === legacyId || variant.id === legacyId) return { product, variant };
  return null;
}

function planOf(shop: SandboxShop, legacyId: string | null) {
  if (!legacyId) return null;
  for (const group of shop.sellingPlanGroups)
    for (const plan of group.plans)
      if (plan.id === legacyId || plan.id.endsWith(`/${legacyId}`)) return { group, plan };
  return null;
}

export async function handleCart(
  request: Request,
  shop: SandboxShop,
  lifecycle: Lifecycle,
  customerEmail: string | null,
): Promise<Response | null> {
  const url = new URL(request.url);
  const link = discountLink(url);
  if (link) return link;
  if (url.pathname === "/store/cart/update" && request.method === "POST")
    return updateAttributes(request);
  if (url.pathname === "/store/cart/update.js" && request.method === "POST")
    return updateAttributesJs(request);
  if (url.pathname === "/store/cart/add" && request.method === "POST") {
    const form = await request.formData();
    const variantId = String(form.get("id") ?? "");
    const found = variantOf(shop, variantId);
    if (!found) return page("Cart", `<p class="error">No such variant ${variantId}</p>`);
    const planId = String(form.get("selling_plan") ?? "") || null;
    const plan = planOf(shop, planId);
    if (planId && (!plan || !plan.group.productIds.includes(found.product.id)))
      return page(
        "Cart",
        `<p class="error">That purchase option is not offered on ${found.product.title}</p>`,
      );
    const lines = readCart(request);
    const properties = formProperties(form);
    lines.push({
      variantId: found.variant.id,
      sellingPlanId: plan?.plan.id ?? null,
      quantity: Math.max(1, Number(form.get("quantity") ?? 1)),
      ...(properties ? { properties } : {}),
    });
    return new Response(null, {
      status: 303,
      headers: { Location: "/store/cart", "Set-Cookie": cartCookie(lines) },
    });
  }
  // The Ajax cart API themes and app blocks use (ids as strings: they can exceed 2^53).
  if (url.pathname === "/store/cart.js" && request.method === "GET") {
    return Response.json({
      attributes: cartDrop(request).attributes,
      items: readCart(request).map((l) => ({
        variant_id: l.variantId.split("/").pop(),
        quantity: l.quantity,
        selling_plan_allocation: l.sellingPlanId
          ? { selling_plan: { id: l.sellingPlanId.split("/").pop() } }
          : null,
      })),
    });
  }
  if (url.pathname === "/store/cart/add.js" && request.method === "POST") {
    const body = (await request.json().catch(() => ({}))) as {
      items?: {
        id?: unknown;
        quantity?: unknown;
        selling_plan?: unknown;
        properties?: Record<string, unknown>;
      }[];
    };
    const lines = readCart(request);
    for (const [i, item] of (body.items ?? []).entries()) {
      const found = variantOf(shop, String(item.id ?? ""));
      if (!found)
        return Response.json(
          { status: 422, description: `items[${i}].id: no such variant ${String(item.id)}` },
          { status: 422 },
        );
      const plan = planOf(shop, item.selling_plan ? String(item.selling_plan) : null);
      if (item.selling_plan && (!plan || !plan.group.productIds.includes(found.product.id)))
        return Response.json(
          { status: 422, description: `items[${i}].selling_plan: not offered on this product` },
          { status: 422 },
        );
      const properties = Object.fromEntries(
        Object.entries(item.properties ?? {}).map(([k, v]) => [k, String(v)]),
      );
      lines.push({
        variantId: found.variant.id,
        sellingPlanId: plan?.plan.id ?? null,
        quantity: Math.max(1, Number(item.quantity ?? 1)),
        ...(Object.keys(properties).length ? { properties } : {}),
      });
    }
    return Response.json({ items: lines.length }, { headers: { "Set-Cookie": cartCookie(lines) } });
  }
  if (url.pathname === "/store/cart" && request.method === "GET") {
    const lines = readCart(request);
    const rows = lines
      .map((line) => {
        const found = variantOf(shop, line.variantId);
        const plan = planOf(shop, line.sellingPlanId);
        return `<tr><td>${found?.product.title ?? "?"} — ${found?.variant.title ?? ""}</td><td>${plan ? plan.plan.name : "Buy now"}</td><td>${line.quantity}</td><td>$${(((found?.variant.price ?? 0) * line.quantity) / 100).toFixed(2)}</td></tr>`;
      })
      .join("");
    const deferred = lines.some((l) => isDeferredPlan(planById(shop, l.sellingPlanId)));
    return page(
      "Cart",
      `<h1>Your cart</h1>${
        lines.length === 0
          ? "<p>Your cart is empty.</p>"
          : `<table><tr><th>Item</th><th>Purchase option</th><th>Qty</th><th>Price</th></tr>${rows}</table>
<form method="post" action="/store/checkout"><p><label>Ship to country <select name="country">${["US", "CA", "GB", "FR", "AU"].map((c) => `<option>${c}</option>`).join("")}</select></label></p>
<p>${deferred ? "Pay nothing now: your card is saved for the home trial." : "Paid by card at checkout."}</p>
<button type="submit">Place order</button></form>`
      }`,
    );
  }
  if (url.pathname === "/store/checkout" && request.method === "POST") {
    const lines = readCart(request);
    if (lines.length === 0) return page("Checkout", `<p class="error">Your cart is empty.</p>`);
    const form = await request.formData();
    const country = String(form.get("country") ?? "US");
    const blocked = await runCheckoutValidations(shop, { lines, countryCode: country });
    if (blocked.length > 0)
      return page(
        "Checkout",
        `<h1>Checkout</h1>${blocked.map((m) => `<p class="error" data-checkout-error>${m}</p>`).join("")}<p><a href="/store/cart">Back to your cart</a></p>`,
      );
    try {
      const discountCode = cookie(request, DISCOUNT_COOKIE);
      const order = await lifecycle.checkout(shop.domain, {
        ...(customerEmail ? { customerEmail } : {}),
        ...(discountCode ? { discountCode } : {}),
        attributes: readCartAttributes(request),
        shippingCountry: country,
        paymentMethod: lines.some((l) => isDeferredPlan(planById(shop, l.sellingPlanId)))
          ? "card_on_file"
          : "card",
        lines: lines.map((l) => ({
          variantId: l.variantId,
          quantity: l.quantity,
          sellingPlanId: l.sellingPlanId,
          ...(l.properties ? { properties: l.properties } : {}),
        })),
      });
      return new Response(
        await page(
          "Thank you",
          `<h1>Thank you!</h1><p>Order <strong data-order-name>${order.name}</strong> is confirmed.</p><p data-order-id>${order.id}</p>${order.discountCode ? `<p data-discount>Discount ${order.discountCode}: −${(order.discountMinor / 100).toFixed(2)} ${order.currency}${order.appDiscount?.message ? ` (${order.appDiscount.message})` : ""}</p>` : ""}`,
        ).text(),
        {
          headers: [
            ["Content-Type", "text/html; charset=utf-8"],
            ...[COOKIE, DISCOUNT_COOKIE, ATTRIBUTES_COOKIE].map((name): [string, string] => [
              "Set-Cookie",
              `${name}=; Path=/; Max-Age=0`,
            ]),
          ],
        },
      );
    } catch (error) {
      if (error instanceof SandboxError)
        return page("Checkout", `<p class="error">${error.message}</p>`);
      throw error;
    }
  }
  return null;
}
