import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  ReturnActionError,
  ReturnRequestError,
  ShopperAccessError,
  customerOrders,
  guestOrderId,
  lookupGuestOrder,
  previewShopperReturn,
  shopperOrder,
  submitShopperReturn,
} from "~/features/returns/index.server";
import { refreshClock } from "~/platform/clock.server";
import { shopTimeZone } from "~/platform/shops.server";
import { pickLocale } from "~/storefront/i18n";
import {
  authenticateProxy,
  clientIp,
  customerGidFromProxy,
  readProxyForm,
} from "~/storefront/proxy-shopper.server";
import { formFieldOf, guestLookupSchema, parsePortalForm } from "~/storefront/returns-form";
import {
  findPage,
  orderPage,
  ordersPage,
  withQuery,
  type Banner,
  type PortalContext,
} from "~/storefront/returns-pages";
import { previewPage } from "~/storefront/returns-preview-page";

// /apps/fitting-room/returns: the return portal. Signed by Shopify's app proxy (400 otherwise).
// A signed-in customer sees their own orders; a guest finds one by order number + email and then
// carries a signed token for it. Pick lines → preview (the exact refund, credit and fees) →
// submit (POST, then redirect to the return's status page).

async function portal(request: Request, form: FormData | null = null) {
  const { session, admin } = await authenticateProxy(request);
  await refreshClock();
  const url = new URL(request.url);
  const shop = session?.shop ?? url.searchParams.get("shop") ?? "";
  const customerGid = customerGidFromProxy(url.searchParams);
  const prefix = url.searchParams.get("path_prefix") || "/apps/fitting-room";
  const token = String(form?.get("token") ?? url.searchParams.get("token") ?? "") || null;
  const locale = pickLocale(request, String(form?.get("locale") ?? "") || null);
  const ctx: PortalContext = {
    locale,
    base: `${prefix}/returns`,
    prefix,
    token,
    timeZone: await shopTimeZone(shop),
  };
  return {
    shop,
    customerGid,
    ctx,
    access: { customerGid, guestToken: token },
    graphql: admin?.graphql ?? null,
  };
}

type Portal = Awaited<ReturnType<typeof portal>>;

async function showOrder(
  p: Portal,
  orderId: string,
  banner: Banner | null = null,
  values = {},
  status = 200,
) {
  const order = await shopperOrder(p.shop, orderId, p.access, p.graphql);
  return orderPage(p.ctx, order, banner, values, status);
}

function notAvailable(p: Portal) {
  return findPage(p.ctx, "/account/login", { ok: false, key: "error.notAvailable" }, {}, 404);
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const p = await portal(request);
  if (!p.shop) return findPage(p.ctx, "/account/login", null, {}, 400);
  const url = new URL(request.url);
  const orderId = url.searchParams.get("order") || guestOrderId(p.shop, p.ctx.token);
  try {
    if (orderId) return await showOrder(p, orderId);
  } catch (error) {
    if (error instanceof ShopperAccessError) return notAvailable(p);
    throw error;
  }
  if (p.customerGid) return ordersPage(p.ctx, await customerOrders(p.shop, p.customerGid));
  return findPage(p.ctx, "/account/login", null);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await readProxyForm(request);
  const p = await portal(request, form);
  if (!p.shop) return findPage(p.ctx, "/account/login", null, {}, 400);
  const intent = String(form.get("intent") ?? "");
  if (intent === "find") {
    const values = {
      orderName: String(form.get("orderName") ?? ""),
      email: String(form.get("email") ?? ""),
    };
    const parsed = guestLookupSchema.safeParse(values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? "orderName");
      return findPage(
        p.ctx,
        "/account/login",
        { ok: false, field, message: issue?.message ?? "" },
        values,
        422,
      );
    }
    const found = await lookupGuestOrder(p.shop, { ...parsed.data, ip: clientIp(request) });
    if (!found.ok) {
      const limited = found.reason === "rate_limited";
      const key = limited ? "find.rateLimited" : "find.noMatch";
      return findPage(p.ctx, "/account/login", { ok: false, key }, values, limited ? 429 : 404);
    }
    return redirect(withQuery(p.ctx.base, { ...p.ctx, token: found.token }), 303);
  }
  const orderId = String(form.get("orderId") ?? "");
  const lines = parsePortalForm(form);
  try {
    if (intent === "edit") return await showOrder(p, orderId, null, lines.values);
    if (!lines.ok)
      return await showOrder(
        p,
        orderId,
        { ok: false, field: lines.field, message: lines.message },
        lines.values,
        422,
      );
    if (intent === "preview") {
      const { decision } = await previewShopperReturn(
        p.shop,
        orderId,
        p.access,
        lines.lines,
        p.graphql,
      );
      const order = await shopperOrder(p.shop, orderId, p.access);
      return previewPage(p.ctx, order, decision, lines.values);
    }
    if (intent === "submit") {
      const source = "portal" as const;
      const { caseId } = await submitShopperReturn(
        p.shop,
        orderId,
        p.access,
        source,
        lines.lines,
        p.graphql,
      );
      return redirect(withQuery(`${p.ctx.base}/${caseId}`, p.ctx, { submitted: "1" }), 303);
    }
    return await showOrder(
      p,
      orderId,
      { ok: false, field: "intent", message: "Unknown step" },
      lines.values,
      400,
    );
  } catch (error) {
    if (error instanceof ShopperAccessError) return notAvailable(p);
    if (error instanceof ReturnRequestError || error instanceof ReturnActionError) {
      const field = formFieldOf(error.field, lines.ok ? lines.formIndexes : []);
      return showOrder(p, orderId, { ok: false, field, message: error.message }, lines.values, 422);
    }
    throw error;
  }
};
