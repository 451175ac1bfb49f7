import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  ReturnActionError,
  ShopperAccessError,
  shopperAddTracking,
  shopperCase,
  shopperChooseOutcome,
} from "~/features/returns/index.server";
import { refreshClock } from "~/platform/clock.server";
import { shopTimeZone } from "~/platform/shops.server";
import { pickLocale } from "~/storefront/i18n";
import {
  authenticateProxy,
  customerGidFromProxy,
  readProxyForm,
} from "~/storefront/proxy-shopper.server";
import { choiceSchema, trackingSchema } from "~/storefront/returns-form";
import { findPage, withQuery, type Banner, type PortalContext } from "~/storefront/returns-pages";
import { statusPage } from "~/storefront/returns-status-page";

// /apps/fitting-room/returns/<id>: a return's status for its shopper (the order's customer, or a
// guest holding a valid token for the order), with the tracking form and a worn pair's choice.

async function context(request: Request, form: FormData | null = null) {
  const { session } = await authenticateProxy(request);
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
  return { shop, ctx, access: { customerGid, guestToken: token } };
}

type Context = Awaited<ReturnType<typeof context>>;

async function show(c: Context, caseId: string, banner: Banner | null, values = {}, status = 200) {
  try {
    return statusPage(c.ctx, await shopperCase(c.shop, caseId, c.access), banner, values, status);
  } catch (error) {
    if (error instanceof ShopperAccessError)
      return findPage(c.ctx, "/account/login", { ok: false, key: "error.notAvailable" }, {}, 404);
    throw error;
  }
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const c = await context(request);
  const url = new URL(request.url);
  const banner: Banner | null = url.searchParams.get("submitted")
    ? { ok: true, key: "status.received" }
    : url.searchParams.get("saved")
      ? { ok: true, key: "status.saved" }
      : null;
  return show(c, params.id ?? "", banner);
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const form = await readProxyForm(request);
  const c = await context(request, form);
  const caseId = params.id ?? "";
  const intent = String(form.get("intent") ?? "");
  const values = Object.fromEntries(
    [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const fail = (field: string, message: string, status = 422) =>
    show(c, caseId, { ok: false, field, message }, values, status);
  try {
    if (intent === "tracking") {
      const parsed = trackingSchema.safeParse(values);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail(String(issue?.path[0] ?? "trackingNumber"), issue?.message ?? "");
      }
      await shopperAddTracking(c.shop, caseId, c.access, parsed.data);
    } else if (intent === "choice") {
      const parsed = choiceSchema.safeParse(values);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail(String(issue?.path[0] ?? "outcome"), issue?.message ?? "");
      }
      await shopperChooseOutcome(c.shop, caseId, c.access, parsed.data.lineId, parsed.data.outcome);
    } else return fail("intent", "Unknown step", 400);
  } catch (error) {
    if (error instanceof ShopperAccessError) return show(c, caseId, null);
    if (error instanceof ReturnActionError) return fail(error.field, error.message);
    throw error;
  }
  return redirect(withQuery(`${c.ctx.base}/${caseId}`, c.ctx, { saved: "1" }), 303);
};
